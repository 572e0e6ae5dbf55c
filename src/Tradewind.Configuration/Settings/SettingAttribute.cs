namespace Tradewind.Configuration.Settings;

/// <summary>
/// What a setting means and the range it must lie in. The one source for both validation and the
/// key reference in docs/configuration.md, so the documented range is the enforced one.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class SettingAttribute : Attribute
{
    /// <summary>Describes a setting.</summary>
    public SettingAttribute(string meaning)
    {
        Meaning = meaning;
    }

    /// <summary>One line saying what the setting does, with its unit.</summary>
    public string Meaning { get; }

    /// <summary>The lowest allowed value of a number (NaN: no lower bound).</summary>
    public double Minimum { get; set; } = double.NaN;

    /// <summary>The highest allowed value of a number (NaN: no upper bound).</summary>
    public double Maximum { get; set; } = double.NaN;

    /// <summary>True when <see cref="Minimum"/> itself is not allowed.</summary>
    public bool MinimumExclusive { get; set; }

    /// <summary>True when <see cref="Maximum"/> itself is not allowed.</summary>
    public bool MaximumExclusive { get; set; }

    /// <summary>True when a string must not be empty.</summary>
    public bool NotEmpty { get; set; }

    /// <summary>True when a number has a bound.</summary>
    public bool HasRange => !double.IsNaN(Minimum) || !double.IsNaN(Maximum);

    /// <summary>The range in interval notation, e.g. <c>(0, 1]</c>, <c>&gt;= 0</c>; empty when unbounded.</summary>
    public string RangeText
    {
        get
        {
            var hasMin = !double.IsNaN(Minimum);
            var hasMax = !double.IsNaN(Maximum);
            var min = Minimum.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var max = Maximum.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return (hasMin, hasMax) switch
            {
                (true, true) => $"{(MinimumExclusive ? "(" : "[")}{min}, {max}{(MaximumExclusive ? ")" : "]")}",
                (true, false) => $"{(MinimumExclusive ? ">" : ">=")} {min}",
                (false, true) => $"{(MaximumExclusive ? "<" : "<=")} {max}",
                _ => NotEmpty ? "not empty" : "",
            };
        }
    }

    /// <summary>True when <paramref name="value"/> lies in the range.</summary>
    public bool Contains(double value) =>
        !double.IsNaN(value)
        && (double.IsNaN(Minimum) || (MinimumExclusive ? value > Minimum : value >= Minimum))
        && (double.IsNaN(Maximum) || (MaximumExclusive ? value < Maximum : value <= Maximum));
}
