using System.Collections;
using System.Numerics;

namespace Tradewind.Core.Collections;

/// <summary>
/// An append-only list of records kept in blocks that double in size (64, 128, 256, … records): appending never
/// copies what is already stored (a <see cref="List{T}"/> doubles and copies its array), indexing is one bit scan, and
/// a long journal's blocks soon pass 85,000 bytes, so they live on the large object heap, where the GC never moves
/// them: the records of a run are written once and never copied while the run grows.
/// </summary>
/// <typeparam name="T">The record type, typically a readonly record struct.</typeparam>
internal sealed class AppendOnlyLog<T> : IReadOnlyList<T>
{
    // Block k holds records [First·(2^k − 1), First·(2^(k+1) − 1)): a short run costs one small block.
    private const int FirstShift = 6;
    private const int First = 1 << FirstShift;

    // 25 blocks hold 64 · (2^25 − 1) records, every index an int can address.
    private readonly T[][] _blocks = new T[25][];
    private T[] _current = [];
    private int _currentStart;
    private int _count;

    public int Count => _count;

    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"the log holds {_count} records");
            }

            return GetRef(index);
        }
    }

    /// <summary>The record at <paramref name="index"/>, to update in place; the reference stays valid while the log grows.</summary>
    public ref T GetRef(int index)
    {
        if ((uint)index >= (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"the log holds {_count} records");
        }

        var scaled = (uint)(index >> FirstShift) + 1;
        var block = 31 - BitOperations.LeadingZeroCount(scaled);
        return ref _blocks[block][index - (First * ((1 << block) - 1))];
    }

    public void Add(in T item)
    {
        var offset = _count - _currentStart;
        var current = _current;
        if ((uint)offset >= (uint)current.Length)
        {
            current = Grow();
            offset = 0;
        }

        current[offset] = item;
        _count++;
    }

    public IEnumerator<T> GetEnumerator()
    {
        var remaining = _count;
        for (var b = 0; remaining > 0; b++)
        {
            var block = _blocks[b];
            var take = Math.Min(remaining, block.Length);
            for (var i = 0; i < take; i++)
            {
                yield return block[i];
            }

            remaining -= take;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private T[] Grow()
    {
        var block = _current.Length == 0 ? 0 : BitOperations.Log2((uint)(_current.Length >> FirstShift)) + 1;
        if (block == _blocks.Length)
        {
            throw new InvalidOperationException($"the log is full ({_count} records)");
        }

        _currentStart = _count;
        _current = new T[First << block];
        _blocks[block] = _current;
        return _current;
    }
}
