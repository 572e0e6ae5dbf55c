using System.Globalization;

namespace Tradewind.Core.Analytics;

/// <summary>
/// The account's equity once per bar, stored as struct-of-arrays (time, equity, cash, gross exposure, traded
/// notional, drawdown) so statistics and charts loop over plain spans. The engine appends one point per bar;
/// appending allocates only when the arrays grow (doubling), never per point after that.
/// </summary>
/// <remarks>
/// Appending is the engine's per-bar cost, so it stores what it is given and keeps the running peak and the lowest
/// equity since that peak; the drawdown column is derived from the equities when it is first read after appends
/// (the same formula, so the same values), and <see cref="MaxDrawdown"/> from the settled peaks: the largest
/// (peak − equity) / peak of a peak's bars is the one at its lowest equity, because both operations are monotonic.
/// <para>
/// Cash flows (contributions, withdrawals) are recorded with <see cref="AddFlow"/> and belong to the next point. They
/// are not performance: returns, drawdowns and everything derived from them use the <see cref="PerformanceIndex"/>,
/// which chains each point's return net of its flow (time-weighted), and equals the equity when there is no flow.
/// </para>
/// </remarks>
public sealed class EquityCurve
{
    private readonly Lock _drawdownGate = new();
    private DateTime[] _time;
    private double[] _equity;
    private double[] _cash;
    private double[] _grossExposure;
    private double[] _tradedNotional;
    private double[]? _drawdown;
    private int _drawdownCount;
    private double _drawdownPeak;
    private double _peak;
    private double _trough;
    private double _settledMaxDrawdown;
    private readonly List<(int Index, double Amount)> _flows = [];
    private double _pendingFlow;
    private double[]? _index;
    private int _indexCount;

    /// <summary>Creates an empty curve with room for <paramref name="capacity"/> points.</summary>
    public EquityCurve(int capacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);

        // Never read beyond Count, so the GC need not zero them first: for a backtest's curve (40 bytes a bar, tens of
        // megabytes on minute data) the clearing pass alone costs a few nanoseconds a bar.
        _time = GC.AllocateUninitializedArray<DateTime>(capacity);
        _equity = GC.AllocateUninitializedArray<double>(capacity);
        _cash = GC.AllocateUninitializedArray<double>(capacity);
        _grossExposure = GC.AllocateUninitializedArray<double>(capacity);
        _tradedNotional = GC.AllocateUninitializedArray<double>(capacity);
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

    /// <summary>
    /// Drawdown at each point: (running peak − value) / running peak of the <see cref="PerformanceIndex"/> (the equity
    /// when there is no cash flow), ≥ 0 (0 at a new peak).
    /// </summary>
    public ReadOnlySpan<double> Drawdown => Drawdowns().AsSpan(0, Count);

    /// <summary>The cash flows by the point they belong to (index ≥ 1; a flow before the first point is starting capital), in order.</summary>
    public IReadOnlyList<(int Index, double Amount)> Flows => _flows;

    /// <summary>Σ of the cash flows after the first point: contributions minus withdrawals.</summary>
    public double NetFlows
    {
        get
        {
            var sum = 0.0;
            foreach (var (_, amount) in _flows)
            {
                sum += amount;
            }

            return sum;
        }
    }

    /// <summary>
    /// The time-weighted value of the account: starts at the first equity and moves by each period's return with its
    /// cash flow counted from the period's start, value[i] = value[i−1] × equity[i] / (equity[i−1] + flow[i]); the
    /// equity itself when there is no flow. Stays at its last value where that base is ≤ 0 (a return means nothing).
    /// </summary>
    public ReadOnlySpan<double> PerformanceIndex => _flows.Count == 0 ? Equity : Indexes().AsSpan(0, Count);

    /// <summary>The highest equity so far (0 when empty).</summary>
    public double Peak => _peak;

    /// <summary>The largest drawdown so far, a fraction ≥ 0 (0 when empty or never below a peak).</summary>
    public double MaxDrawdown => _flows.Count == 0 ? EquityMaxDrawdown : MaxOf(Drawdown);

    private double EquityMaxDrawdown => _trough < _peak ? Math.Max(_settledMaxDrawdown, (_peak - _trough) / _peak) : _settledMaxDrawdown;

    /// <summary>
    /// Records a cash flow into (+) or out of (−) the account since the last point; it belongs to the next point
    /// appended, whose equity includes it. Flows before the first point are part of the starting equity.
    /// </summary>
    public void AddFlow(double amount)
    {
        if (!double.IsFinite(amount))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "a cash flow must be a finite number");
        }

        if (Count > 0)
        {
            _pendingFlow += amount;
        }
    }

    /// <summary>The point at <paramref name="index"/>.</summary>
    public EquityPoint this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return new EquityPoint(_time[index], _equity[index], _cash[index], _grossExposure[index], _tradedNotional[index], Drawdowns()[index]);
        }
    }

    /// <summary>
    /// Appends the account at the end of one bar. Times must be UTC and strictly increasing; all values finite;
    /// the first equity &gt; 0 (drawdowns are fractions of it); exposure and traded notional ≥ 0.
    /// </summary>
    /// <exception cref="ArgumentException">A value breaks one of those rules.</exception>
    public void Append(DateTime time, double equity, double cash, double grossExposure, double tradedNotional = 0)
    {
        // One combined test on the hot path; the messages are built out of line, so the method keeps a small frame.
        var count = Count;
        if (time.Kind != DateTimeKind.Utc
            || (count > 0 && time <= _time[count - 1])
            || !double.IsFinite(equity) || !double.IsFinite(cash)
            || !(grossExposure >= 0) || !double.IsFinite(grossExposure) || !(tradedNotional >= 0) || !double.IsFinite(tradedNotional)
            || (count == 0 && equity <= 0))
        {
            ThrowInvalidPoint(time, equity, cash, grossExposure, tradedNotional);
        }

        if (count == 0)
        {
            _peak = equity;
            _trough = equity;
        }
        else if (equity > _peak)
        {
            // A new high settles the old peak's drawdown (none when the equity never fell below it).
            if (_trough < _peak)
            {
                _settledMaxDrawdown = Math.Max(_settledMaxDrawdown, (_peak - _trough) / _peak);
            }

            _peak = equity;
            _trough = equity;
        }
        else if (equity < _trough)
        {
            _trough = equity;
        }

        if (count == _time.Length)
        {
            Grow();
        }

        if (_pendingFlow != 0)
        {
            _flows.Add((count, _pendingFlow));
            _pendingFlow = 0;
        }

        _time[count] = time;
        _equity[count] = equity;
        _cash[count] = cash;
        _grossExposure[count] = grossExposure;
        _tradedNotional[count] = tradedNotional;
        Count = count + 1;
    }

    /// <summary>Removes every point but keeps the arrays, so one curve can serve run after run (an optimizer's) without allocating.</summary>
    public void Clear()
    {
        lock (_drawdownGate)
        {
            Count = 0;
            _drawdownCount = 0;
            _indexCount = 0;
            _flows.Clear();
            _pendingFlow = 0;
            _peak = 0;
            _trough = 0;
            _settledMaxDrawdown = 0;
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowInvalidPoint(DateTime time, double equity, double cash, double grossExposure, double tradedNotional)
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

        throw new ArgumentOutOfRangeException(nameof(equity), equity, "the first equity point must be > 0");
    }

    // The drawdown column up to Count, extended from where the last read left it.
    private double[] Drawdowns()
    {
        lock (_drawdownGate)
        {
            var count = Count;
            var values = _drawdown;
            var done = _drawdownCount;
            if (values is not null && done == count)
            {
                return values;
            }

            values = Room(values, done, count);

            var peak = _drawdownPeak;
            var series = _flows.Count == 0 ? _equity : Indexes();
            for (var i = done; i < count; i++)
            {
                var equity = series[i];
                if (i == 0 || equity > peak)
                {
                    peak = equity;
                }

                values[i] = (peak - equity) / peak;
            }

            _drawdown = values;
            _drawdownPeak = peak;
            _drawdownCount = count;
            return values;
        }
    }

    // The performance index up to Count, extended from where the last read left it (called under the gate or alone).
    private double[] Indexes()
    {
        lock (_drawdownGate)
        {
            var count = Count;
            var values = _index;
            var done = _indexCount;
            if (values is not null && done == count)
            {
                return values;
            }

            values = Room(values, done, count);

            var flow = FirstFlowAtOrAfter(done);
            for (var i = done; i < count; i++)
            {
                var amount = 0.0;
                if (flow < _flows.Count && _flows[flow].Index == i)
                {
                    amount = _flows[flow].Amount;
                    flow++;
                }

                // The flow is in the account from the period's start (a deposit at the previous close, or before
                // the open's fills), so it earns the period's return with the rest: the base is e[i−1] + flow.
                var basis = i == 0 ? 0 : _equity[i - 1] + amount;
                values[i] = i == 0 ? _equity[0]
                    : basis > 0 ? values[i - 1] * (_equity[i] / basis)
                    : values[i - 1];
            }

            _index = values;
            _indexCount = count;
            return values;
        }
    }

    // A derived column with room for Count values, keeping the first `done` already computed.
    private double[] Room(double[]? values, int done, int count)
    {
        if (values is not null && values.Length >= count)
        {
            return values;
        }

        var larger = GC.AllocateUninitializedArray<double>(_equity.Length);
        values?.AsSpan(0, done).CopyTo(larger);
        return larger;
    }

    private int FirstFlowAtOrAfter(int index)
    {
        var i = 0;
        while (i < _flows.Count && _flows[i].Index < index)
        {
            i++;
        }

        return i;
    }

    private static double MaxOf(ReadOnlySpan<double> values)
    {
        var max = 0.0;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }

    private void Grow()
    {
        var capacity = Math.Max(16, _time.Length * 2);
        Array.Resize(ref _time, capacity);
        Array.Resize(ref _equity, capacity);
        Array.Resize(ref _cash, capacity);
        Array.Resize(ref _grossExposure, capacity);
        Array.Resize(ref _tradedNotional, capacity);
    }
}
