namespace Tradewind.Core.Indicators;

/// <summary>
/// Annualized volatility: the sample standard deviation (n − 1) of the last n LOG returns ln(x[t]/x[t−1]),
/// times √factor (252 trading days a year by default; 365 suits daily crypto bars). The first value is at
/// index n, because the first return needs two prices.
/// </summary>
/// <remarks>Log returns add over time, so the √time scaling is exact for them under independent returns.</remarks>
public sealed class AnnualizedVolatility
{
    /// <summary>Trading days in a year, the default annualization factor for daily equity bars.</summary>
    public const double TradingDaysPerYear = 252;

    private readonly RollingMoments _moments;
    private readonly double _degreesOfFreedom;
    private readonly double _scale;
    private bool _hasPrevious;
    private double _previous;
    private double _value = double.NaN;

    /// <summary>
    /// Creates a volatility over <paramref name="period"/> returns (at least 2), annualized with
    /// <paramref name="periodsPerYear"/> bars a year (finite, &gt; 0).
    /// </summary>
    public AnnualizedVolatility(int period, double periodsPerYear = TradingDaysPerYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        if (!double.IsFinite(periodsPerYear) || periodsPerYear <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(periodsPerYear), periodsPerYear, "the annualization factor must be a finite number > 0");
        }

        _moments = new RollingMoments(period);
        _degreesOfFreedom = period - 1;
        PeriodsPerYear = periodsPerYear;
        _scale = Math.Sqrt(periodsPerYear);
    }

    /// <summary>The number of returns in the window.</summary>
    public int Period => _moments.Length;

    /// <summary>Bars per year used to annualize.</summary>
    public double PeriodsPerYear { get; }

    /// <summary>True once n returns (n + 1 prices) have been seen.</summary>
    public bool IsReady => _moments.IsFull;

    /// <summary>The current annualized volatility (0.2 means 20 %), NaN during warm-up.</summary>
    public double Value => _value;

    /// <summary>Adds the next price and returns the new volatility (NaN during warm-up).</summary>
    public double Update(double price)
    {
        if (!_hasPrevious)
        {
            _hasPrevious = true;
            _previous = price;
            return _value;
        }

        _moments.Add(Math.Log(price / _previous));
        _previous = price;
        if (_moments.IsFull)
        {
            _value = Math.Sqrt(_moments.SquaredDeviations / _degreesOfFreedom) * _scale;
        }

        return _value;
    }

    /// <summary>Forgets every price seen.</summary>
    public void Reset()
    {
        _moments.Reset();
        _hasPrevious = false;
        _previous = 0;
        _value = double.NaN;
    }

    /// <summary>
    /// Computes the annualized volatility of <paramref name="prices"/> into <paramref name="output"/> (same length,
    /// not overlapping), NaN for the first n slots.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> prices, int period, double periodsPerYear, Span<double> output)
    {
        BatchGuard.RequireOutput(prices, output, nameof(output));
        var volatility = new AnnualizedVolatility(period, periodsPerYear);
        for (var i = 0; i < prices.Length; i++)
        {
            output[i] = volatility.Update(prices[i]);
        }
    }
}
