namespace Tradewind.Core.Optimization;

/// <summary>
/// The arithmetic of sma-cross and nothing else, as one loop over plain arrays: two moving averages, the cross
/// rule, fills at the next open in whole shares, equity and drawdown per bar, all in <c>double</c>. No orders,
/// ledger, journal or costs. It is the yardstick the engine's speed is quoted against (<c>tradewind bench</c>,
/// <c>EngineBenchmarks</c>), not a way to run a strategy.
/// </summary>
public static class SmaCrossBaseline
{
    /// <summary>Runs the loop over <paramref name="open"/> and <paramref name="close"/> and returns the final equity plus the maximum drawdown (a value the JIT cannot discard).</summary>
    public static double Run(ReadOnlySpan<double> open, ReadOnlySpan<double> close, int fast, int slow, double cash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fast, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slow, fast);
        if (open.Length != close.Length)
        {
            throw new ArgumentException("open and close must have one value per bar", nameof(open));
        }

        var n = close.Length;
        var fastSum = 0.0;
        var slowSum = 0.0;
        var lastSign = 0;
        var pending = 0;
        var quantity = 0.0;
        var peak = cash;
        var maxDrawdown = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (pending > 0)
            {
                quantity = Math.Floor(cash / open[i]);
                cash -= quantity * open[i];
            }
            else if (pending < 0)
            {
                cash += quantity * open[i];
                quantity = 0;
            }

            pending = 0;
            var c = close[i];
            fastSum += i >= fast ? c - close[i - fast] : c;
            slowSum += i >= slow ? c - close[i - slow] : c;
            var equity = cash + (quantity * c);
            if (equity > peak)
            {
                peak = equity;
            }

            var drawdown = (peak - equity) / peak;
            if (drawdown > maxDrawdown)
            {
                maxDrawdown = drawdown;
            }

            if (i + 1 < slow)
            {
                continue;
            }

            var diff = (fastSum / fast) - (slowSum / slow);
            var sign = diff > 0 ? 1 : diff < 0 ? -1 : 0;
            if (sign == 0)
            {
                continue;
            }

            if (lastSign != 0 && sign != lastSign)
            {
                pending = sign > 0 ? (quantity == 0 ? 1 : 0) : (quantity != 0 ? -1 : 0);
            }

            lastSign = sign;
        }

        return cash + (n > 0 ? quantity * close[n - 1] : 0) + maxDrawdown;
    }
}
