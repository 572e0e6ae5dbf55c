using System.Globalization;
using Tradewind.Core.Strategies.Catalog;

namespace Tradewind.Core.Optimization;

/// <summary>
/// The parameter values an optimization sweeps: one <see cref="GridAxis"/> per parameter, from grid texts
/// <c>name=start:stop:step</c> (inclusive range; <c>fast=5:50:5</c> is 5, 10, ..., 50) or <c>name=a,b,c</c> (a list,
/// also the only form for booleans and choices; one value fixes the parameter). Every value is checked against
/// the strategy's parameter (kind and range) when the grid is parsed; the rule across parameters (fast &lt; slow)
/// is checked per combination by the optimizer, which skips and counts the combinations that break it.
/// </summary>
public sealed class ParameterGrid
{
    /// <summary>The most combinations a grid may have: beyond it a typo (a step of 0.0001) is likelier than intent.</summary>
    public const long MaxCombinations = 1_000_000;

    private const string Syntax = "write name=start:stop:step (e.g. fast=5:50:5) or a list name=a,b,c (e.g. slow=50,100,200)";

    private ParameterGrid(StrategyDefinition definition, IReadOnlyList<GridAxis> axes, long count)
    {
        Definition = definition;
        Axes = axes;
        CombinationCount = count;
    }

    /// <summary>The strategy whose parameters are swept.</summary>
    public StrategyDefinition Definition { get; }

    /// <summary>The swept parameters in the order given; the first varies slowest.</summary>
    public IReadOnlyList<GridAxis> Axes { get; }

    /// <summary>The number of combinations: the product of the axes' value counts (before the cross-parameter rule).</summary>
    public long CombinationCount { get; }

    /// <summary>
    /// Parses <paramref name="specs"/> for <paramref name="definition"/>. Every problem of every spec is collected:
    /// bad syntax, an unknown parameter (with the closest name), a value of the wrong kind or out of range, a step that
    /// is not positive, a range that runs backwards, a parameter swept twice, or too many combinations.
    /// </summary>
    /// <exception cref="ParameterGridException">Any problem; the message names each grid text and the fix.</exception>
    public static ParameterGrid Parse(StrategyDefinition definition, IEnumerable<string> specs)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(specs);
        var axes = new List<GridAxis>();
        var problems = new List<string>();
        foreach (var spec in specs)
        {
            if (ParseAxis(definition, spec ?? string.Empty, out var problem) is { } axis)
            {
                if (axes.Find(a => a.Parameter.Name == axis.Parameter.Name) is { } earlier)
                {
                    problems.Add($"grid '{spec}': {axis.Parameter.Name} is already swept by '{earlier.Spec}'; give each parameter one grid");
                }
                else
                {
                    axes.Add(axis);
                }
            }
            else
            {
                problems.Add(problem!);
            }
        }

        if (problems.Count == 0 && axes.Count == 0)
        {
            problems.Add($"no grid given: sweep at least one parameter of {definition.Name} ({string.Join(", ", definition.Parameters.Select(p => p.Name))}); {Syntax}");
        }

        long count = 1;
        foreach (var axis in axes)
        {
            count = count > MaxCombinations ? count : count * axis.Values.Count;
        }

        if (problems.Count == 0 && count > MaxCombinations)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"the grid has {count:N0} combinations ({string.Join(" × ", axes.Select(a => $"{a.Values.Count} {a.Parameter.Name}"))}), more than {MaxCombinations:N0}; use larger steps or fewer values"));
        }

        return problems.Count == 0 ? new ParameterGrid(definition, axes, count) : throw new ParameterGridException(problems);
    }

    /// <summary>Every combination over <paramref name="baseValues"/> (the parameters not swept keep their value there), first axis slowest.</summary>
    public IEnumerable<StrategyParameterValues> Combinations(StrategyParameterValues baseValues)
    {
        ArgumentNullException.ThrowIfNull(baseValues);
        var index = new int[Axes.Count];
        for (long n = 0; n < CombinationCount; n++)
        {
            var values = baseValues;
            for (var a = 0; a < Axes.Count; a++)
            {
                values = values.With(Axes[a].Parameter.Name, Axes[a].Values[index[a]]);
            }

            yield return values;
            for (var a = Axes.Count - 1; a >= 0; a--)
            {
                if (++index[a] < Axes[a].Values.Count)
                {
                    break;
                }

                index[a] = 0;
            }
        }
    }

    private static GridAxis? ParseAxis(StrategyDefinition definition, string spec, out string? problem)
    {
        problem = null;
        var equals = spec.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == spec.Length - 1)
        {
            problem = $"grid '{spec}' is not name=values; {Syntax}";
            return null;
        }

        var name = spec[..equals].Trim().Replace('-', '_');
        var text = spec[(equals + 1)..].Trim();
        var index = definition.IndexOf(name);
        if (index < 0)
        {
            var hint = definition.Closest(name) is { } near ? $"; did you mean '{near}'?" : string.Empty;
            var known = definition.Parameters.Count == 0 ? "it has no parameters to sweep" : $"known: {string.Join(", ", definition.Parameters.Select(p => p.Name))}";
            problem = $"grid '{spec}': {definition.Name} has no parameter '{spec[..equals].Trim()}' ({known}){hint}";
            return null;
        }

        var parameter = definition.Parameters[index];
        var texts = text.Contains(':', StringComparison.Ordinal) ? Range(parameter, spec, text, out problem) : List(text);
        if (texts is null)
        {
            return null;
        }

        var values = new List<double>(texts.Count);
        foreach (var value in texts)
        {
            if (parameter.Check(value) is { } bad)
            {
                problem = $"grid '{spec}': {parameter.Name} {bad} (expected {parameter.RangeText}: {parameter.Description})";
                return null;
            }

            var number = parameter.Kind switch
            {
                ParameterKind.Boolean => bool.Parse(value.Trim()) ? 1 : 0,
                ParameterKind.Choice => parameter.ChoiceIndex(value),
                _ => double.Parse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            if (values.Contains(number))
            {
                problem = $"grid '{spec}': the value {value.Trim()} is given twice; list each value once";
                return null;
            }

            values.Add(number);
        }

        return new GridAxis(parameter, spec, values);
    }

    private static List<string> List(string text) => [.. text.Split(',')];

    private static List<string>? Range(StrategyParameter parameter, string spec, string text, out string? problem)
    {
        problem = null;
        if (parameter.Kind is ParameterKind.Boolean or ParameterKind.Choice)
        {
            problem = $"grid '{spec}': {parameter.Name} is {(parameter.Kind == ParameterKind.Boolean ? "true or false" : "a choice")}, which has no range; list the values instead, e.g. {parameter.Name}={string.Join(',', parameter.Kind == ParameterKind.Boolean ? ["true", "false"] : parameter.Choices)}";
            return null;
        }

        var parts = text.Split(':');
        if (parts.Length != 3)
        {
            problem = $"grid '{spec}': a range has three parts start:stop:step, got {parts.Length}; {Syntax}";
            return null;
        }

        var numbers = new decimal[3];
        string[] names = ["start", "stop", "step"];
        for (var i = 0; i < 3; i++)
        {
            if (!decimal.TryParse(parts[i].Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out numbers[i]))
            {
                problem = $"grid '{spec}': the {names[i]} '{parts[i].Trim()}' is not a number; {Syntax}";
                return null;
            }

            if (parameter.Kind == ParameterKind.Integer && numbers[i] != decimal.Truncate(numbers[i]))
            {
                problem = $"grid '{spec}': {parameter.Name} takes whole numbers, but the {names[i]} is {parts[i].Trim()}";
                return null;
            }
        }

        var (start, stop, step) = (numbers[0], numbers[1], numbers[2]);
        if (step <= 0)
        {
            problem = $"grid '{spec}': the step must be positive, got {parts[2].Trim()}; e.g. {parameter.Name}={parts[0].Trim()}:{parts[1].Trim()}:1";
            return null;
        }

        if (stop < start)
        {
            problem = $"grid '{spec}': the range runs backwards (stop {parts[1].Trim()} is below start {parts[0].Trim()}); write {parameter.Name}={parts[1].Trim()}:{parts[0].Trim()}:{parts[2].Trim()}";
            return null;
        }

        if ((stop - start) / step >= MaxCombinations)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"grid '{spec}': the range has more than {MaxCombinations:N0} values; use a larger step");
            return null;
        }

        // Decimal steps, so 0.1:0.5:0.1 gives exactly 0.1 ... 0.5 (binary doubles would drift past the stop).
        var values = new List<string>();
        for (var value = start; value <= stop; value += step)
        {
            values.Add(value.ToString(CultureInfo.InvariantCulture));
        }

        return values;
    }
}
