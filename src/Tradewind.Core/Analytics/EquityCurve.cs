using System.Globalization;

namespace Tradewind.Core.Analytics;

/// <summary>
/// The account's equity once per bar, stored as struct-of-arrays (time, equity, cash, gross exposure, traded
/// notional, drawdown) so statistics and charts loop over plain spans. The engine appends one point per bar;
/// appending allocates only when the arrays grow (doubling), never per point after that.
/// </summary>
public sealed class EquityCurve
{
    private DateTime[] _time;
    private double[] _equity;
    private double[] _cash;
    private double[] _grossExposure;
    private double[] _tradedNotional;
    private double[] _drawdown;
    private double _peak;
    private double _maxDrawdown;

    /// <summary>Creates an empty curve with room for <paramref name="capacity"/> points.</summary>
    public EquityCurve(int capacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _time = new DateTime[capacity];
        _equity = new double[capacity];
        _cash = new double[capacity];
        _grossExposure = new double[capacity];
        _tradedNotional = new double[capacity];
        _drawdown = new double[capacity];
    }

    /// <summary>Number of points.</summary>
    public int Count { get; private set; }

    /// <summary>Point times (UTC), strictly increasing.</summary>
    public ReadOnlySpan<DateTime> Time => _time.AsSpan(0, Count);

    /// <summary>Equity: cash + market value of positions.</summary>
    public ReadOnlySpan<double> Equity => _equity.AsSpan(0, Count);

    /// <summary>Cash (negative when borrowing).</summary>
    public ReadOnlySpan<double> Cash => _cash.AsSpan(0, Count);

    /// <summary>Gross exposure: Σ |market value| of positions.</summary>
    public ReadOnlySpan<double> GrossExposure => _grossExposure.AsSpan(0, Count);

    /// <summary>Notional traded during each bar: Σ |quantity × price| of its fills.</summary>
    public ReadOnlySpan<double> TradedNotional => _tradedNotional.AsSpan(0, Count);

    /// <summary>Drawdown at each point: (running peak − equity) / running peak, ≥ 0 (0 at a new peak).</summary>
    public ReadOnlySpan<double> Drawdown => _drawdown.AsSpan(0, Count);

    /// <summary>The highest equity so far (0 when empty).</summary>
    public double Peak => _peak;

    /// <summary>The largest drawdown so far, a fraction ≥ 0 (0 when empty or never below a peak).</summary>
    public double MaxDrawdown => _maxDrawdown;

    /// <summary>The point at <paramref name="index"/>.</summary>
    public EquityPoint this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return new EquityPoint(_time[index], _equity[index], _cash[index], _grossExposure[index], _tradedNotional[index], _drawdown[index]);
        }
    }

    /// <summary>
    /// Appends the account at the end of one bar. Times must be UTC and strictly increasing; all values finite;
    /// the first equity &gt; 0 (drawdowns are fractions of it); exposure and traded notional ≥ 0.
    /// </summary>
    /// <exception cref="ArgumentException">A value breaks one of those rules.</exception>
    public void Append(DateTime time, double equity, double cash, double grossExposure, double tradedNotional = 0)
    {
        if (time.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException($"equity time {time:O} must be UTC", nameof(time));
        }

        if (Count > 0 && time <= _time[Count - 1])
        {
            throw new ArgumentException($"equity time {time:O} is not after the previous point {_time[Count - 1]:O}", nameof(time));
        }

        if (!double.IsFinite(equity) || !double.IsFinite(cash))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"equity {equity} and cash {cash} at {time:O} must be finite numbers"), nameof(equity));
        }

        if (!(grossExposure >= 0) || !double.IsFinite(grossExposure) || !(tradedNotional >= 0) || !double.IsFinite(tradedNotional))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"gross exposure {grossExposure} and traded notional {tradedNotional} at {time:O} must be finite and ≥ 0"), nameof(grossExposure));
        }

        if (Count == 0)
        {
            if (equity <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(equity), equity, "the first equity point must be > 0");
            }

            _peak = equity;
        }
        else if (equity > _peak)
        {
            _peak = equity;
        }

        if (Count == _time.Length)
        {
            Grow();
        }

        var i = Count;
        var drawdown = (_peak - equity) / _peak;
        _time[i] = time;
        _equity[i] = equity;
        _cash[i] = cash;
        _grossExposure[i] = grossExposure;
        _tradedNotional[i] = tradedNotional;
        _drawdown[i] = drawdown;
        if (drawdown > _maxDrawdown)
        {
            _maxDrawdown = drawdown;
        }

        Count++;
    }

    /// <summary>Removes every point but keeps the arrays, so one curve can serve run after run (an optimizer's) without allocating.</summary>
    public void Clear()
    {
        Count = 0;
        _peak = 0;
        _maxDrawdown = 0;
    }

    private void Grow()
    {
        var capacity = Math.Max(16, _time.Length * 2);
        Array.Resize(ref _time, capacity);
        Array.Resize(ref _equity, capacity);
        Array.Resize(ref _cash, capacity);
        Array.Resize(ref _grossExposure, capacity);
        Array.Resize(ref _tradedNotional, capacity);
        Array.Resize(ref _drawdown, capacity);
    }
}
