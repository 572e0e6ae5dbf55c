using System.Globalization;

namespace Tradewind.Core.Strategies.Catalog;

/// <summary>One typed parameter of a strategy or bot logic: its name, kind, default and inclusive range.</summary>
/// <param name="Name">The snake_case name used in configuration, e.g. <c>rsi_period</c>.</param>
/// <param name="Kind">The value's type.</param>
/// <param name="Default">The value used when the parameter is not given.</param>
/// <param name="Minimum">The smallest allowed value (ignored for booleans).</param>
/// <param name="Maximum">The largest allowed value (ignored for booleans).</param>
/// <param name="Description">What the parameter means, in one line.</param>
public sealed record StrategyParameter(string Name, ParameterKind Kind, double Default, double Minimum, double Maximum, string Description)
{
    /// <summary>A whole-number parameter.</summary>
    public static StrategyParameter Integer(string name, int @default, int minimum, int maximum, string description) =>
        new(name, ParameterKind.Integer, @default, minimum, maximum, description);

    /// <summary>A real-number parameter.</summary>
    public static StrategyParameter Number(string name, double @default, double minimum, double maximum, string description) =>
        new(name, ParameterKind.Number, @default, minimum, maximum, description);

    /// <summary>A boolean parameter (default false is 0, true is 1).</summary>
    public static StrategyParameter Boolean(string name, bool @default, string description) =>
        new(name, ParameterKind.Boolean, @default ? 1 : 0, 0, 1, description);

    /// <summary>One of <paramref name="choices"/> (matched ignoring case); <paramref name="default"/> must be one of them.</summary>
    public static StrategyParameter Choice(string name, string @default, IReadOnlyList<string> choices, string description)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var index = -1;
        for (var i = 0; i < choices.Count; i++)
        {
            if (string.Equals(choices[i], @default, StringComparison.OrdinalIgnoreCase))
            {
                index = i;
            }
        }

        if (index < 0)
        {
            throw new ArgumentException($"default '{@default}' is not one of {string.Join(", ", choices)}", nameof(@default));
        }

        return new(name, ParameterKind.Choice, index, 0, choices.Count - 1, description) { Choices = choices };
    }

    /// <summary>The allowed names of a <see cref="ParameterKind.Choice"/> parameter; empty for other kinds.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The default as text: <c>14</c>, <c>2.5</c>, <c>true</c>, or the default choice's name.</summary>
    public string DefaultText => Kind switch
    {
        ParameterKind.Boolean => Default != 0 ? "true" : "false",
        ParameterKind.Choice => Choices[(int)Default],
        _ => Default.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The index of <paramref name="text"/> among <see cref="Choices"/> (ignoring case), or −1.</summary>
    public int ChoiceIndex(string? text)
    {
        for (var i = 0; i < Choices.Count; i++)
        {
            if (string.Equals(Choices[i], text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Checks a value given as text (as configuration carries it) and returns the problem, or null when
    /// the value is acceptable: the right kind and inside [<see cref="Minimum"/>, <see cref="Maximum"/>].
    /// </summary>
    public string? Check(string? text)
    {
        var value = text?.Trim() ?? string.Empty;
        switch (Kind)
        {
            case ParameterKind.Boolean:
                return bool.TryParse(value, out _) ? null : $"'{text}' is not true or false";
            case ParameterKind.Choice:
                return ChoiceIndex(value) >= 0 ? null : $"'{text}' is not one of {string.Join(", ", Choices)}";
            case ParameterKind.Integer:
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
                {
                    // 14.0 is how JSON writers often spell 14; accept an integral number.
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var integral) || integral != Math.Floor(integral) || !double.IsFinite(integral))
                    {
                        return $"'{text}' is not a whole number";
                    }

                    whole = (long)integral;
                }

                return InRange(whole);
            default:
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                    ? InRange(number)
                    : $"'{text}' is not a number";
        }
    }

    /// <summary>The range as people read it, e.g. <c>2..100</c>.</summary>
    public string RangeText => Kind switch
    {
        ParameterKind.Boolean => "true|false",
        ParameterKind.Choice => string.Join("|", Choices),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Minimum}..{Maximum}"),
    };

    private string? InRange(double value) => value < Minimum || value > Maximum
        ? string.Create(CultureInfo.InvariantCulture, $"{value} is outside {RangeText}")
        : null;
}
