using System.Collections;

namespace Tradewind.Core.Collections;

/// <summary>
/// An append-only list of records kept in fixed-size blocks: appending never copies what is already stored (a
/// <see cref="List{T}"/> doubles and copies its array) and no block reaches the large object heap, so a journal of
/// struct records costs the GC neither copies nor full collections while a long backtest runs.
/// </summary>
/// <typeparam name="T">The record type, typically a readonly record struct.</typeparam>
internal sealed class AppendOnlyLog<T> : IReadOnlyList<T>
{
    // 256 records of up to ~300 bytes stay below the 85,000-byte large-object threshold.
    private const int BlockShift = 8;
    private const int BlockSize = 1 << BlockShift;
    private const int BlockMask = BlockSize - 1;

    private T[][] _blocks = [];
    private int _count;

    /// <summary>Number of records.</summary>
    public int Count => _count;

    /// <summary>The record at <paramref name="index"/> (0 = the first appended).</summary>
    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"the log holds {_count} records");
            }

            return _blocks[index >> BlockShift][index & BlockMask];
        }
    }

    /// <summary>Appends one record.</summary>
    public void Add(in T item)
    {
        var block = _count >> BlockShift;
        if (block == _blocks.Length)
        {
            Array.Resize(ref _blocks, Math.Max(4, _blocks.Length * 2));
        }

        var storage = _blocks[block] ??= new T[BlockSize];
        storage[_count & BlockMask] = item;
        _count++;
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _blocks[i >> BlockShift][i & BlockMask];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
