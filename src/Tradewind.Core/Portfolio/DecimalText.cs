using System.Globalization;

namespace Tradewind.Core.Portfolio;

/// <summary>Decimals in messages: invariant culture, no trailing zeros, never scientific notation.</summary>
internal static class DecimalText
{
    private const string Format = "0.############################";

    /// <summary>The decimal as "2000.01" rather than "2000.0100".</summary>
    public static string Of(decimal value) => value.ToString(Format, CultureInfo.InvariantCulture);
}
