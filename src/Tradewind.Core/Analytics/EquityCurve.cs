using System.Globalization;

namespace Tradewind.Core.Analytics;

/// <summary>
/// The account's equity once per bar (time, equity, cash, gross exposure, traded notional, drawdown), read as plain
/// spans by statistics and charts. The engine appends one point per bar; appending allocates only when the arrays
/// grow (doubling), or when cash changes, never per point otherwise.
/// </summary>
/// <remarks>
/// <para>
/// Only time and equity are stored per point (16 bytes). The other columns change rarely and are kept as changes:
/// cash as its runs (it moves only at fills and flows), traded notional as the points that traded, and gross exposure
/// as the points where it differs from equity − cash (for a long-only account, as the engine's, it never does). The
/// spans of those columns are built when first read and extended as points are added. Memory a run writes per bar is
/// what it costs on a fresh heap (page faults of fresh pages cost more than the arithmetic of a bar), so storing 16
/// instead of 40 bytes a bar is worth a branch per append.
/// </para>
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
    private DateTime[]? _sharedTimes;
    private readonly int _sharedCount;
    private int _sharedOffset = -1;
    private double[] _equity;
    private readonly List<(int Index, double Cash)> _cashRuns = [];
    private readonly List<(int Index, double Gross)> _grossExceptions = [];
    private readonly List<(int Index, double Amount)> _traded = [];
    private long _lastCashBits;
    private double[]? _cashColumn;
    private int _cashColumnCount;
    private double[]? _grossColumn;
    private int _grossColumnCount;
    private double[]? _tradedColumn;
    private int _tradedColumnCount;
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

        // Never read beyond Count, so the GC need not zero them first: for a backtest's curve (16 bytes a bar, tens of
        // megabytes on minute data) the clearing pass alone costs a few nanoseconds a bar.
        _time = GC.AllocateUninitializedArray<DateTime>(capacity);
        _equity = GC.AllocateUninitializedArray<double>(capacity);
    }

    /// <summary>
    /// A curve whose points fall on consecutive entries of <paramref name="times"/> (the bars of a one-series run):
    /// it keeps a reference to those times instead of a copy, and copies them only if a point ever does not fall on the
    /// next one. <paramref name="times"/>' first <paramref name="count"/> entries must never change.
    /// </summary>
    internal EquityCurve(int capacity, DateTime[] times, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentNullException.ThrowIfNull(times);
        _sharedTimes = times;
        _sharedCount = count;
        _time = [];
        _equity = GC.AllocateUninitializedArray<double>(capacity);
    }

    /// <summary>Number of points.</summary>
    public int Count { get; private set; }

    /// <summary>Point times (UTC), strictly increasing.</summary>
    public ReadOnlySpan<DateTime> Time => _sharedTimes is { } shared ? shared.AsSpan(Math.Max(_sharedOffset, 0), Count) : _time.AsSpan(0, Count);

    /// <summary>Equity: cash + market value of positions.</summary>
    public ReadOnlySpan<double> Equity => _equity.AsSpan(0, Count);

    /// <summary>Cash (negative when borrowing). Built from the cash runs when first read.</summary>
    public ReadOnlySpan<double> Cash => CashColumn().AsSpan(0, Count);

    /// <summary>Gross exposure: Σ |market value| of positions. Built when first read.</summary>
    public ReadOnlySpan<double> GrossExposure => GrossColumn().AsSpan(0, Count);

    /// <summary>Notional traded during each bar: Σ |quantity × price| of its fills. Built when first read.</summary>
    public ReadOnlySpan<double> TradedNotional => TradedColumn().AsSpan(0, Count);

    /// <summary>Σ of the traded notional over all points (without building the column).</summary>
    public double TotalTradedNotional
    {
        get
        {
            var sum = 0.0;
            foreach (var (_, amount) in _traded)
            {
                sum += amount;
            }

            return sum;
        }
    }

    /// <summary>How many points have a gross exposure other than 0 (without building the column).</summary>
    public int ExposedPoints
    {
        get
        {
            lock (_drawdownGate)
            {
                var count = Count;
                var exposed = 0;
                var run = 0;
                var exception = 0;
                for (var i = 0; i < count; i++)
                {
                    while (run + 1 < _cashRuns.Count && _cashRuns[run + 1].Index <= i)
                    {
                        run++;
                    }

                    double gross;
                    if (exception < _grossExceptions.Count && _grossExceptions[exception].Index == i)
                    {
                        gross = _grossExceptions[exception].Gross;
                        exception++;
                    }
                    else
                    {
                        gross = _equity[i] - _cashRuns[run].Cash;
                    }

                    if (gross != 0)
                    {
                        exposed++;
                    }
                }

                return exposed;
            }
        }
    }

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
            return new EquityPoint(Time[index], _equity[index], CashColumn()[index], GrossColumn()[index], TradedColumn()[index], Drawdowns()[index]);
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
            || (count > 0 && time <= LastTime())
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

        if (count == _equity.Length)
        {
            Grow();
        }

        if (_pendingFlow != 0)
        {
            _flows.Add((count, _pendingFlow));
            _pendingFlow = 0;
        }

        if (_sharedTimes is { } shared)
        {
            if (count == 0)
            {
                _sharedOffset = Array.BinarySearch(shared, 0, _sharedCount, time);
            }

            var at = _sharedOffset + count;
            if (_sharedOffset < 0 || (uint)at >= (uint)_sharedCount || shared[at] != time)
            {
                Unshare(count);
                _time[count] = time;
            }
        }
        else
        {
            _time[count] = time;
        }

        _equity[count] = equity;
        var cashBits = BitConverter.DoubleToInt64Bits(cash);
        if (count == 0 || cashBits != _lastCashBits)
        {
            _cashRuns.Add((count, cash));
            _lastCashBits = cashBits;
        }

        // Bit for bit, so that what is read back is exactly what was appended (0.0 and −0.0 included).
        if (BitConverter.DoubleToInt64Bits(grossExposure) != BitConverter.DoubleToInt64Bits(equity - cash))
        {
            _grossExceptions.Add((count, grossExposure));
        }

        if (tradedNotional != 0 || double.IsNegative(tradedNotional))
        {
            _traded.Add((count, tradedNotional));
        }

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
            _sharedOffset = -1;
            _cashRuns.Clear();
            _grossExceptions.Clear();
            _traded.Clear();
            _cashColumnCount = 0;
            _grossColumnCount = 0;
            _tradedColumnCount = 0;
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

        if (Count > 0 && time <= LastTime())
        {
            throw new ArgumentException($"equity time {time:O} is not after the previous point {LastTime():O}", nameof(time));
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

    private DateTime LastTime() => _sharedTimes is { } shared ? shared[_sharedOffset + Count - 1] : _time[Count - 1];

    // From shared times to an own copy of the first `count`: a point did not fall on the next shared time.
    private void Unshare(int count)
    {
        var own = GC.AllocateUninitializedArray<DateTime>(_equity.Length);
        if (count > 0)
        {
            _sharedTimes!.AsSpan(_sharedOffset, count).CopyTo(own);
        }

        _time = own;
        _sharedTimes = null;
    }

    // The cash column up to Count, extended from where the last read left it.
    private double[] CashColumn()
    {
        lock (_drawdownGate)
        {
            var count = Count;
            var values = _cashColumn;
            var done = _cashColumnCount;
            if (values is not null && done == count)
            {
                return values;
            }

            values = Room(values, done, count);
            var run = RunAt(done);
            for (var i = done; i < count; i++)
            {
                while (run + 1 < _cashRuns.Count && _cashRuns[run + 1].Index <= i)
                {
                    run++;
                }

                values[i] = _cashRuns[run].Cash;
            }

            _cashColumn = values;
            _cashColumnCount = count;
            return values;
        }
    }

    // The gross exposure column: equity − cash, except where a different value was appended.
    private double[] GrossColumn()
    {
        lock (_drawdownGate)
        {
            var count = Count;
            var values = _grossColumn;
            var done = _grossColumnCount;
            if (values is not null && done == count)
            {
                return values;
            }

            values = Room(values, done, count);
            var cash = CashColumn();
            for (var i = done; i < count; i++)
            {
                values[i] = _equity[i] - cash[i];
            }

            foreach (var (index, gross) in _grossExceptions)
            {
                if (index >= done && index < count)
                {
                    values[index] = gross;
                }
            }

            _grossColumn = values;
            _grossColumnCount = count;
            return values;
        }
    }

    // The traded notional column: 0 except at the points that traded.
    private double[] TradedColumn()
    {
        lock (_drawdownGate)
        {
            var count = Count;
            var values = _tradedColumn;
            var done = _tradedColumnCount;
            if (values is not null && done == count)
            {
                return values;
            }

            values = Room(values, done, count);
            values.AsSpan(done, count - done).Clear();
            foreach (var (index, amount) in _traded)
            {
                if (index >= done && index < count)
                {
                    values[index] = amount;
                }
            }

            _tradedColumn = values;
            _tradedColumnCount = count;
            return values;
        }
    }

    // The cash run that holds point `index` (the last run starting at or before it).
    private int RunAt(int index)
    {
        int low = 0, high = _cashRuns.Count - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (_cashRuns[mid].Index <= index)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
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
        var capacity = Math.Max(16, _equity.Length * 2);
        if (_sharedTimes is null)
        {
            Array.Resize(ref _time, capacity);
        }

        Array.Resize(ref _equity, capacity);
    }
}
