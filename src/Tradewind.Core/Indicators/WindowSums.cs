namespace Tradewind.Core.Indicators;

/// <summary>Exact recomputations of a window's sums, which the rolling indicators use to cancel running-sum drift.</summary>
/// <remarks>
/// Streaming updates and batch helpers call these same routines on windows holding the same values in the
/// same order, so both paths produce bit-identical results.
/// </remarks>
internal static class WindowSums
{
    /// <summary>The sum of <paramref name="window"/>, added oldest first.</summary>
    public static double Sum(ReadOnlySpan<double> window)
    {
        var sum = 0.0;
        foreach (var value in window)
        {
            sum += value;
        }

        return sum;
    }

    /// <summary>The sum of squared deviations from <paramref name="mean"/> (two-pass, so no cancellation).</summary>
    public static double SquaredDeviations(ReadOnlySpan<double> window, double mean)
    {
        var sum = 0.0;
        foreach (var value in window)
        {
            var deviation = value - mean;
            sum += deviation * deviation;
        }

        return sum;
    }
}
