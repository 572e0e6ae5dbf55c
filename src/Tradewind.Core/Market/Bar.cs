namespace Tradewind.Core.Market;

/// <summary>
/// One OHLCV bar. <see cref="Time"/> is the bar's start as a UTC instant; for date-based resolutions
/// (1d, 1w) it is the trading date at 00:00 UTC and stands for that date, not for an instant.
/// </summary>
/// <remarks>Prices are market observations in <c>double</c>; money in the ledger is <c>decimal</c>.</remarks>
public readonly record struct Bar(DateTime Time, double Open, double High, double Low, double Close, double Volume, double? AdjClose = null)
{
    /// <summary>The trading date of a date-based bar (the UTC date of <see cref="Time"/>).</summary>
    public DateOnly Date => DateOnly.FromDateTime(Time);

    /// <summary>
    /// Checks the bar's own consistency and returns the first problem, or null when it is sound:
    /// finite positive prices, low ≤ open, close ≤ high, finite non-negative volume.
    /// </summary>
    public string? Validate()
    {
        if (!double.IsFinite(Open) || !double.IsFinite(High) || !double.IsFinite(Low) || !double.IsFinite(Close))
        {
            return "a price is not a finite number";
        }

        if (Open <= 0 || High <= 0 || Low <= 0 || Close <= 0)
        {
            return $"prices must be positive (open {Open}, high {High}, low {Low}, close {Close})";
        }

        // Money is kept to 8 decimal places (ExecutionCosts.MoneyDecimals): a smaller price could not be filled.
        if (Low < 0.00000001)
        {
            return $"prices must be at least 0.00000001, the smallest amount of money kept (low {Low})";
        }

        if (High < Low)
        {
            return $"high {High} is below low {Low}";
        }

        if (Open > High || Close > High)
        {
            return $"{(Open > High ? "open " + Open : "close " + Close)} is above high {High}";
        }

        if (Open < Low || Close < Low)
        {
            return $"{(Open < Low ? "open " + Open : "close " + Close)} is below low {Low}";
        }

        if (!double.IsFinite(Volume) || Volume < 0)
        {
            return $"volume {Volume} is negative or not a number";
        }

        if (AdjClose is { } adj && (!double.IsFinite(adj) || adj <= 0))
        {
            return $"adjusted close {adj} is not a positive number";
        }

        return null;
    }
}
