using System.Collections.Frozen;

namespace Tradewind.Core.Time;

/// <summary>
/// NYSE's supported range precomputed once: per-day trading flags, a running count of trading days and
/// the list of trading days, so that every calendar question is an array lookup.
/// </summary>
/// <remarks>
/// The whole range is about 16,800 days (under 150 KB of tables), cheaper to build in one go on
/// first use than to build and cache year by year.
/// </remarks>
internal sealed class NyseSchedule
{
    private readonly bool[] _isTradingDay;
    private readonly int[] _tradingDaysUpTo;
    private readonly DateOnly[] _tradingDays;
    private readonly FrozenDictionary<DateOnly, NyseSpecialDay> _specialDays;

    private NyseSchedule(DateOnly first, DateOnly last)
    {
        First = first;
        _specialDays = NyseRules.SpecialDays(first.Year, last.Year).ToFrozenDictionary();
        var dayCount = last.DayNumber - first.DayNumber + 1;
        _isTradingDay = new bool[dayCount];
        _tradingDaysUpTo = new int[dayCount];
        var tradingDays = new List<DateOnly>(dayCount * 5 / 7);
        for (var i = 0; i < dayCount; i++)
        {
            var date = DateOnly.FromDayNumber(first.DayNumber + i);
            var trades = date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
                && !(_specialDays.TryGetValue(date, out var special) && special.IsClosed);
            if (trades)
            {
                tradingDays.Add(date);
            }

            _isTradingDay[i] = trades;
            _tradingDaysUpTo[i] = tradingDays.Count;
        }

        _tradingDays = [.. tradingDays];
    }

    /// <summary>The first date of the table; index 0.</summary>
    public DateOnly First { get; }

    /// <summary>How many trading days the table holds.</summary>
    public int TradingDayCount => _tradingDays.Length;

    /// <summary>Builds the table for <paramref name="first"/>..<paramref name="last"/> (whole years).</summary>
    public static NyseSchedule Build(DateOnly first, DateOnly last) => new(first, last);

    /// <summary>The table index of a date in range.</summary>
    public int IndexOf(DateOnly date) => date.DayNumber - First.DayNumber;

    /// <summary>True when the indexed day trades.</summary>
    public bool IsTradingDay(int index) => _isTradingDay[index];

    /// <summary>How many trading days fall on or before the indexed day, from the start of the table.</summary>
    public int TradingDaysUpTo(int index) => _tradingDaysUpTo[index];

    /// <summary>The trading day at a position in the ordered list of trading days (0-based).</summary>
    public DateOnly TradingDayAt(int position) => _tradingDays[position];

    /// <summary>The closure or early close on a date, if any.</summary>
    public bool TryGetSpecialDay(DateOnly date, out NyseSpecialDay day) => _specialDays.TryGetValue(date, out day);
}
