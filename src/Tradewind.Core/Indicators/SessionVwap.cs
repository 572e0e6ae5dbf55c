using NodaTime;
using Tradewind.Core.Market;
using Tradewind.Core.Time;

namespace Tradewind.Core.Indicators;

/// <summary>
/// Session-anchored volume-weighted average price: Σ(typical price × volume)/Σ volume since the session began,
/// with typical price (high + low + close)/3. A session is the local calendar date of a bar's start time in the
/// exchange's time zone (America/New_York for US equities, UTC for crypto), so the sums restart at the first bar
/// of each local date. Until the session has traded any volume the VWAP is NaN.
/// </summary>
/// <remarks>
/// The zone conversion happens only when a bar falls outside the current session's cached UTC bounds (local
/// midnight to the next local midnight, which is 23 or 25 hours away on DST changes), so an update is two
/// comparisons on all but the first bar of a session. Bars must arrive in time order; a bar from an earlier date
/// starts a new session. For date-based bars (00:00 UTC stands for the date) every bar is its own session.
/// </remarks>
public sealed class SessionVwap
{
    private readonly DateTimeZone _zone;
    private long _sessionStartTicks = long.MaxValue;
    private long _sessionEndTicks = long.MinValue;
    private double _priceVolume;
    private double _volume;
    private double _value = double.NaN;

    /// <summary>Creates a VWAP whose sessions are local dates in <paramref name="sessionZone"/>.</summary>
    public SessionVwap(DateTimeZone sessionZone)
    {
        ArgumentNullException.ThrowIfNull(sessionZone);
        _zone = sessionZone;
    }

    /// <summary>The zone whose local dates delimit sessions.</summary>
    public DateTimeZone SessionZone => _zone;

    /// <summary>The local date of the current session (default before the first bar).</summary>
    public LocalDate SessionDate { get; private set; }

    /// <summary>True once the current session has traded volume.</summary>
    public bool IsReady => _volume > 0;

    /// <summary>The current session VWAP, NaN while the session has no volume.</summary>
    public double Value => _value;

    /// <summary>The session zone for an asset class: its exchange calendar's zone (America/New_York for equities, UTC for crypto).</summary>
    public static DateTimeZone DefaultSessionZone(AssetClass assetClass) => TradingCalendars.For(assetClass).TimeZone;

    /// <summary>Adds the bar that starts at <paramref name="time"/> (UTC) and returns the session VWAP.</summary>
    public double Update(DateTime time, double high, double low, double close, double volume)
    {
        // A local or unspecified time would land in the wrong session without any error; refuse it.
        if (time.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException($"bar time {time:O} must be UTC", nameof(time));
        }

        var ticks = time.Ticks;
        if (ticks < _sessionStartTicks || ticks >= _sessionEndTicks)
        {
            StartSession(time);
        }

        _priceVolume += (high + low + close) / 3.0 * volume;
        _volume += volume;
        _value = _volume > 0 ? _priceVolume / _volume : double.NaN;
        return _value;
    }

    /// <summary>Forgets every bar seen.</summary>
    public void Reset()
    {
        _sessionStartTicks = long.MaxValue;
        _sessionEndTicks = long.MinValue;
        _priceVolume = 0;
        _volume = 0;
        _value = double.NaN;
        SessionDate = default;
    }

    /// <summary>
    /// Computes the session VWAP of bars given as spans of UTC start times and high/low/close/volume (equal lengths)
    /// into <paramref name="output"/>.
    /// </summary>
    public static void Compute(
        ReadOnlySpan<DateTime> time,
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        ReadOnlySpan<double> volume,
        DateTimeZone sessionZone,
        Span<double> output)
    {
        BatchGuard.RequireLength(time.Length, high.Length, nameof(high));
        BatchGuard.RequireLength(time.Length, low.Length, nameof(low));
        BatchGuard.RequireLength(time.Length, close.Length, nameof(close));
        BatchGuard.RequireLength(time.Length, volume.Length, nameof(volume));
        BatchGuard.RequireOutput(close, output, nameof(output));
        var vwap = new SessionVwap(sessionZone);
        for (var i = 0; i < time.Length; i++)
        {
            output[i] = vwap.Update(time[i], high[i], low[i], close[i], volume[i]);
        }
    }

    /// <summary>Computes the session VWAP of every bar of <paramref name="series"/> into <paramref name="output"/>.</summary>
    public static void Compute(BarSeries series, DateTimeZone sessionZone, Span<double> output)
    {
        ArgumentNullException.ThrowIfNull(series);
        Compute(series.Time, series.High, series.Low, series.Close, series.Volume, sessionZone, output);
    }

    private void StartSession(DateTime time)
    {
        var date = Instant.FromDateTimeUtc(time).InZone(_zone).Date;
        _sessionStartTicks = _zone.AtStartOfDay(date).ToDateTimeUtc().Ticks;
        _sessionEndTicks = _zone.AtStartOfDay(date.PlusDays(1)).ToDateTimeUtc().Ticks;
        SessionDate = date;
        _priceVolume = 0;
        _volume = 0;
    }
}
