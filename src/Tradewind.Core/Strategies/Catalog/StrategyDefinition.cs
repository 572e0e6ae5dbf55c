using System.Globalization;
using Tradewind.Core.Engine;

namespace Tradewind.Core.Strategies.Catalog;

/// <summary>
/// A catalogued strategy: its name, what it does, its typed parameters (defaults, ranges), a check across
/// parameters (fast &lt; slow) and a factory. The CLI lists it, configuration and the optimizer validate against it.
/// </summary>
/// <param name="Name">The name used on the command line, e.g. <c>sma-cross</c>.</param>
/// <param name="Description">One line: what it does.</param>
/// <param name="Parameters">Its parameters in display order.</param>
/// <param name="Factory">Creates a fresh strategy object for one run.</param>
/// <param name="CrossCheck">Returns a problem spanning parameters (e.g. "fast (50) must be less than slow (20)"), or null.</param>
public sealed record StrategyDefinition(
    string Name,
    string Description,
    IReadOnlyList<StrategyParameter> Parameters,
    Func<StrategyParameterValues, Strategy> Factory,
    Func<StrategyParameterValues, string?>? CrossCheck = null)
{
    /// <summary>
    /// The initial cash of a run that names none, from the parameters; null: the caller's default. A strategy paid by
    /// contributions (capital-allocator) starts with its first day's contribution, as its daily jobs do.
    /// </summary>
    public Func<StrategyParameterValues, decimal>? DefaultInitialCash { get; init; }

    /// <summary>The defaults.</summary>
    public StrategyParameterValues Defaults => Bind([]);

    /// <summary>
    /// Builds the values from <paramref name="given"/> (name → text) over the defaults. Every problem is collected:
    /// an unknown name (with the closest known one), a value of the wrong kind or out of range, a cross-parameter rule.
    /// </summary>
    /// <exception cref="StrategyParameterException">Any problem.</exception>
    public StrategyParameterValues Bind(IEnumerable<KeyValuePair<string, string>> given) => Bind(given, crossCheck: true);

    /// <summary>
    /// As <see cref="Bind(IEnumerable{KeyValuePair{string, string}})"/>; without <paramref name="crossCheck"/> the rule across
    /// parameters is left to the caller (the optimizer checks it per combination, once the grid has set the others).
    /// </summary>
    /// <exception cref="StrategyParameterException">Any problem.</exception>
    public StrategyParameterValues Bind(IEnumerable<KeyValuePair<string, string>> given, bool crossCheck)
    {
        ArgumentNullException.ThrowIfNull(given);
        var values = new double[Parameters.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Parameters[i].Default;
        }

        var problems = new List<string>();
        foreach (var (rawName, text) in given)
        {
            var name = rawName.Trim().Replace('-', '_');
            var index = IndexOf(name);
            if (index < 0)
            {
                var hint = Closest(name) is { } near ? $"; did you mean '{near}'?" : string.Empty;
                problems.Add($"unknown parameter '{rawName}' (known: {string.Join(", ", Parameters.Select(p => p.Name))}){hint}");
                continue;
            }

            var parameter = Parameters[index];
            if (parameter.Check(text) is { } problem)
            {
                problems.Add($"{parameter.Name}: {problem} (expected {parameter.RangeText}: {parameter.Description})");
                continue;
            }

            values[index] = parameter.Kind switch
            {
                ParameterKind.Boolean => bool.Parse(text.Trim()) ? 1 : 0,
                ParameterKind.Choice => parameter.ChoiceIndex(text),
                _ => double.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture),
            };
        }

        var result = new StrategyParameterValues(Parameters, values);
        if (problems.Count == 0 && crossCheck && CrossCheck?.Invoke(result) is { } cross)
        {
            problems.Add(cross);
        }

        return problems.Count == 0 ? result : throw new StrategyParameterException(Name, problems);
    }

    /// <summary>The cross-parameter problem of <paramref name="values"/>, or null (used by the optimizer to skip combinations).</summary>
    public string? Check(StrategyParameterValues values) => CrossCheck?.Invoke(values);

    /// <summary>A fresh strategy for one run.</summary>
    public Strategy Create(StrategyParameterValues values) => Factory(values);

    /// <summary>The index of parameter <paramref name="name"/>, or −1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Parameters.Count; i++)
        {
            if (string.Equals(Parameters[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The parameter whose name is closest to <paramref name="name"/> (a likely typo), or null.</summary>
    internal string? Closest(string name)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var parameter in Parameters)
        {
            var distance = Distance(name.ToLowerInvariant(), parameter.Name);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = parameter.Name;
            }
        }

        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
