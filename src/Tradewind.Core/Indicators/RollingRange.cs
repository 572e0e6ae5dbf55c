namespace Tradewind.Core.Indicators;

/// <summary>
/// Highest high and lowest low of the last <c>n</c> bars, kept in two monotonic deques on ring buffers:
/// O(1) amortized per bar and no allocation after construction.
/// </summary>
/// <remarks>
/// Each deque holds the bars that can still become the extreme: a new high removes every older high that is
/// not above it, so the front is always the window's maximum, and it leaves once it is <c>n</c> bars old.
/// </remarks>
internal sealed class RollingRange
{
    private readonly int _length;
    private readonly double[] _maxValues;
    private readonly long[] _maxIndexes;
    private readonly double[] _minValues;
    private readonly long[] _minIndexes;
    private int _maxHead;
    private int _maxCount;
    private int _minHead;
    private int _minCount;
    private long _index;

    /// <summary>Creates an empty window of <paramref name="length"/> bars.</summary>
    public RollingRange(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        _length = length;
        _maxValues = new double[length];
        _maxIndexes = new long[length];
        _minValues = new double[length];
        _minIndexes = new long[length];
    }

    /// <summary>True once <c>n</c> bars have been added.</summary>
    public bool IsFull => _index >= _length;

    /// <summary>The highest high of the window (of the bars so far before it is full).</summary>
    public double Highest => _maxValues[_maxHead];

    /// <summary>The lowest low of the window (of the bars so far before it is full).</summary>
    public double Lowest => _minValues[_minHead];

    /// <summary>Adds a bar's high and low, dropping the bar that leaves the window.</summary>
    public void Add(double high, double low)
    {
        var index = _index++;
        var expired = index - _length;
        var length = _length;

        // Expire first so a deque never holds more than n entries.
        if (_maxCount > 0 && _maxIndexes[_maxHead] <= expired)
        {
            _maxHead = _maxHead + 1 == length ? 0 : _maxHead + 1;
            _maxCount--;
        }

        while (_maxCount > 0 && _maxValues[Wrap(_maxHead + _maxCount - 1)] <= high)
        {
            _maxCount--;
        }

        var back = Wrap(_maxHead + _maxCount);
        _maxValues[back] = high;
        _maxIndexes[back] = index;
        _maxCount++;

        if (_minCount > 0 && _minIndexes[_minHead] <= expired)
        {
            _minHead = _minHead + 1 == length ? 0 : _minHead + 1;
            _minCount--;
        }

        while (_minCount > 0 && _minValues[Wrap(_minHead + _minCount - 1)] >= low)
        {
            _minCount--;
        }

        back = Wrap(_minHead + _minCount);
        _minValues[back] = low;
        _minIndexes[back] = index;
        _minCount++;
    }

    /// <summary>Empties the window.</summary>
    public void Reset()
    {
        _maxHead = 0;
        _maxCount = 0;
        _minHead = 0;
        _minCount = 0;
        _index = 0;
    }

    private int Wrap(int position) => position >= _length ? position - _length : position;
}
