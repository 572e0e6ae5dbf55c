using System.Globalization;

namespace Tradewind.Core.Strategies.Catalog;

/// <summary>
/// The parameter values of one strategy run, one per parameter of its <see cref="StrategyDefinition"/>, already
/// checked against each parameter's kind and range. Read them by name with the typed getters.
/// </summary>
public sealed class StrategyParameterValues
{
    private readonly IReadOnlyList<StrategyParameter> _parameters;
    private readonly double[] _values;

    internal StrategyParameterValues(IReadOnlyList<StrategyParameter> parameters, double[] values)
    {
        _parameters = parameters;
        _values = values;
    }

    /// <summary>The parameters, in the definition's order.</summary>
    public IReadOnlyList<StrategyParameter> Parameters => _parameters;

    /// <summary>The value of <paramref name="name"/> as a number (a boolean is 0 or 1, a choice its index).</summary>
    /// <exception cref="KeyNotFoundException">The strategy has no such parameter.</exception>
    public double Number(string name) => _values[IndexOf(name)];

    /// <summary>The value of a whole-number parameter.</summary>
    public int Integer(string name) => (int)Number(name);

    /// <summary>The value of a boolean parameter.</summary>
    public bool Boolean(string name) => Number(name) != 0;

    /// <summary>The chosen name of a choice parameter, as the definition spells it.</summary>
    public string Choice(string name)
    {
        var index = IndexOf(name);
        return _parameters[index].Choices[(int)_values[index]];
    }

    /// <summary>The value of <paramref name="name"/> as configuration spells it (14, 2.5, true, RSIOrBB).</summary>
    public string Text(string name)
    {
        var index = IndexOf(name);
        var parameter = _parameters[index];
        var value = _values[index];
        return parameter.Kind switch
        {
            ParameterKind.Boolean => value != 0 ? "true" : "false",
            ParameterKind.Choice => parameter.Choices[(int)value],
            _ => value.ToString("R", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Every parameter with its value as text, in the definition's order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> AsText()
    {
        var list = new KeyValuePair<string, string>[_parameters.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = new(_parameters[i].Name, Text(_parameters[i].Name));
        }

        return list;
    }

    /// <summary>A copy with <paramref name="name"/> set to <paramref name="value"/> (no range check: the optimizer's grid is checked once).</summary>
    public StrategyParameterValues With(string name, double value)
    {
        var copy = (double[])_values.Clone();
        copy[IndexOf(name)] = value;
        return new StrategyParameterValues(_parameters, copy);
    }

    /// <summary>"fast=10 slow=30" for messages and tables.</summary>
    public override string ToString() => string.Join(' ', AsText().Select(p => $"{p.Key}={p.Value}"));

    private int IndexOf(string name)
    {
        for (var i = 0; i < _parameters.Count; i++)
        {
            if (string.Equals(_parameters[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"the strategy has no parameter '{name}'");
    }
}
