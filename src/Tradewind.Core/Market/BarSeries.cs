namespace Tradewind.Core.Market;

/// <summary>
/// Bars of one symbol at one resolution in ascending time order, stored as struct-of-arrays so that
/// strategies and indicators loop over plain <c>double</c> spans without touching a <see cref="Bar"/>.
/// </summary>
public sealed class BarSeries
{
    private DateTime[] _time;
    private double[] _open;
    private double[] _high;
    private double[] _low;
    private double[] _close;
    private double[] _volume;
    private double[]? _adjClose;

    /// <summary>Creates an empty series with room for <paramref name="capacity"/> bars.</summary>
    public BarSeries(Symbol symbol, Resolution resolution, int capacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Symbol = symbol;
        Resolution = resolution;
        _time = new DateTime[capacity];
        _open = new double[capacity];
        _high = new double[capacity];
        _low = new double[capacity];
        _close = new double[capacity];
        _volume = new double[capacity];
    }

    /// <summary>The symbol the bars belong to.</summary>
    public Symbol Symbol { get; }

    /// <summary>The bar length.</summary>
    public Resolution Resolution { get; }

    /// <summary>Number of bars.</summary>
    public int Count { get; private set; }

    /// <summary>True when at least one bar carries an adjusted close.</summary>
    public bool HasAdjClose => _adjClose is not null;

    /// <summary>Bar start times (UTC; the trading date at 00:00 UTC for date-based resolutions).</summary>
    public ReadOnlySpan<DateTime> Time => _time.AsSpan(0, Count);

    /// <summary>
    /// The array behind <see cref="Time"/> (valid up to <see cref="Count"/>; entries once added never change, and a
    /// growing series moves to a new array, leaving this one as it was), for readers that keep a reference.
    /// </summary>
    internal DateTime[] TimeArray => _time;

    /// <summary>Opening prices.</summary>
    public ReadOnlySpan<double> Open => _open.AsSpan(0, Count);

    /// <summary>Highest prices.</summary>
    public ReadOnlySpan<double> High => _high.AsSpan(0, Count);

    /// <summary>Lowest prices.</summary>
    public ReadOnlySpan<double> Low => _low.AsSpan(0, Count);

    /// <summary>Closing prices.</summary>
    public ReadOnlySpan<double> Close => _close.AsSpan(0, Count);

    /// <summary>Volumes (shares for equities, base currency for crypto unless the source says otherwise).</summary>
    public ReadOnlySpan<double> Volume => _volume.AsSpan(0, Count);

    /// <summary>Adjusted closes, NaN where a bar has none; empty when no bar has one.</summary>
    public ReadOnlySpan<double> AdjClose => _adjClose is null ? [] : _adjClose.AsSpan(0, Count);

    /// <summary>The bar at <paramref name="index"/>.</summary>
    public Bar this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            double? adj = _adjClose is null || double.IsNaN(_adjClose[index]) ? null : _adjClose[index];
            return new Bar(_time[index], _open[index], _high[index], _low[index], _close[index], _volume[index], adj);
        }
    }

    /// <summary>
    /// Appends a bar. Bars must arrive in strictly increasing time order; the caller validates prices
    /// (see <see cref="Bar.Validate"/>) because only it knows where the bar came from.
    /// </summary>
    public void Add(in Bar bar)
    {
        if (bar.Time.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException($"bar time {bar.Time:O} must be UTC", nameof(bar));
        }

        if (Count > 0 && bar.Time <= _time[Count - 1])
        {
            throw new ArgumentException($"bar time {bar.Time:O} is not after the previous bar {_time[Count - 1]:O}", nameof(bar));
        }

        if (Count == _time.Length)
        {
            Grow();
        }

        var i = Count;
        _time[i] = bar.Time;
        _open[i] = bar.Open;
        _high[i] = bar.High;
        _low[i] = bar.Low;
        _close[i] = bar.Close;
        _volume[i] = bar.Volume;
        if (bar.AdjClose is { } adj)
        {
            if (_adjClose is null)
            {
                _adjClose = new double[_time.Length];
                _adjClose.AsSpan(0, i).Fill(double.NaN);
            }

            _adjClose[i] = adj;
        }
        else if (_adjClose is not null)
        {
            _adjClose[i] = double.NaN;
        }

        Count++;
    }

    /// <summary>Bars the arrays have room for without growing (at least <see cref="Count"/>).</summary>
    public int Capacity => _time.Length;

    /// <summary>
    /// Shrinks the arrays to exactly <see cref="Count"/> bars. A series filled by <see cref="Add"/> without a known size
    /// grows by doubling and may hold up to twice the memory its bars need; a loaded series that is kept (a backtest's
    /// or an optimizer's input) should be trimmed. Copies once; does nothing when already exact.
    /// </summary>
    public void TrimExcess()
    {
        if (_time.Length == Count)
        {
            return;
        }

        Array.Resize(ref _time, Count);
        Array.Resize(ref _open, Count);
        Array.Resize(ref _high, Count);
        Array.Resize(ref _low, Count);
        Array.Resize(ref _close, Count);
        Array.Resize(ref _volume, Count);
        if (_adjClose is not null)
        {
            Array.Resize(ref _adjClose, Count);
        }
    }

    /// <summary>Index of the first bar whose time is at or after <paramref name="time"/> (Count when none).</summary>
    public int LowerBound(DateTime time)
    {
        var index = Time.BinarySearch(time);
        return index >= 0 ? index : ~index;
    }

    private void Grow()
    {
        var capacity = Math.Max(16, _time.Length * 2);
        Array.Resize(ref _time, capacity);
        Array.Resize(ref _open, capacity);
        Array.Resize(ref _high, capacity);
        Array.Resize(ref _low, capacity);
        Array.Resize(ref _close, capacity);
        Array.Resize(ref _volume, capacity);
        if (_adjClose is not null)
        {
            Array.Resize(ref _adjClose, capacity);
        }
    }
}
