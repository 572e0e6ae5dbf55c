using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Tradewind.Core.Indicators;
using Tradewind.Core.Market;

namespace Tradewind.Core.Tests.Indicators;

public sealed class SessionVwapTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    // Two New York sessions of minute bars: Friday 2024-03-08 (EST, UTC−5) and Monday 2024-03-11 (EDT, UTC−4, after
    // the 2024-03-10 clock change). Typical price (H + L + C)/3:
    //   14:30Z = 09:30 ET  H 101 L 99  C 100 V 1000  TP 100      VWAP 100
    //   14:31Z = 09:31 ET  H 103 L 100 C 102 V 3000  TP 305/3    VWAP (100 000 + 305 000)/4000 = 101.25
    //   00:30Z (Mar 9) = 19:30 ET Mar 8, after hours: still the Mar 8 session
    //                      H 102 L 102 C 102 V 1000  TP 102      VWAP (405 000 + 102 000)/5000 = 101.4
    //   13:30Z = 09:30 EDT H 110 L 108 C 109 V 0     new session, no volume yet: NaN
    //   13:31Z             H 111 L 109 C 110 V 2000  TP 110      VWAP 110
    //   13:32Z             H 113 L 110 C 110 V 1000  TP 111      VWAP (220 000 + 111 000)/3000 = 110.333
    private static readonly (DateTime Time, double High, double Low, double Close, double Volume)[] TwoSessions =
    [
        (Utc(2024, 3, 8, 14, 30), 101, 99, 100, 1000),
        (Utc(2024, 3, 8, 14, 31), 103, 100, 102, 3000),
        (Utc(2024, 3, 9, 0, 30), 102, 102, 102, 1000),
        (Utc(2024, 3, 11, 13, 30), 110, 108, 109, 0),
        (Utc(2024, 3, 11, 13, 31), 111, 109, 110, 2000),
        (Utc(2024, 3, 11, 13, 32), 113, 110, 110, 1000),
    ];

    [Fact]
    public void Restarts_at_each_new_york_session_and_is_nan_before_any_volume()
    {
        var vwap = new SessionVwap(NewYork);
        var values = new List<double>();
        var dates = new List<LocalDate>();
        foreach (var bar in TwoSessions)
        {
            values.Add(vwap.Update(bar.Time, bar.High, bar.Low, bar.Close, bar.Volume));
            dates.Add(vwap.SessionDate);
        }

        Expect.Close(Expect.Values(100, 101.25, 101.4, null, 110, 331000.0 / 3000), values, 1e-12);
        Assert.Equal(new LocalDate(2024, 3, 8), dates[2]);
        Assert.Equal(new LocalDate(2024, 3, 11), dates[3]);
    }

    [Fact]
    public void In_utc_the_after_hours_bar_starts_its_own_session()
    {
        var output = new double[TwoSessions.Length];
        Compute(TwoSessions, DateTimeZone.Utc, output);
        Assert.Equal(102, output[2], 1e-12);
    }

    [Fact]
    public void Batch_over_a_bar_series_uses_the_exchange_zone_for_equities_and_utc_for_crypto()
    {
        var equity = SeriesOf("SPY", TwoSessions);
        var crypto = SeriesOf("BTC-USD", TwoSessions);
        var spec = IndicatorSpec.Parse("vwap");
        Assert.Equal(101.4, spec.Compute(equity)[0].Values[2], 1e-12);
        Assert.Equal(102, spec.Compute(crypto)[0].Values[2], 1e-12);
    }

    [Theory]
    // Spring forward: the local day 2024-03-10 runs 05:00Z–04:00Z (23 hours); 03:59Z on the 11th is still the 10th.
    [InlineData("2024-03-10T05:30:00Z", "2024-03-11T03:59:00Z", "2024-03-11T04:00:00Z")]
    // Fall back: the local day 2024-11-03 runs 04:00Z–05:00Z (25 hours); 04:30Z on the 4th is still the 3rd.
    [InlineData("2024-11-03T04:30:00Z", "2024-11-04T04:30:00Z", "2024-11-04T05:00:00Z")]
    public void Sessions_follow_local_midnight_across_daylight_saving_changes(string first, string sameDay, string nextDay)
    {
        var vwap = new SessionVwap(NewYork);
        // Typical prices 10, 20, 30 with volume 1 each: 10, then (10 + 20)/2 = 15 in the same session, then 30 alone.
        Assert.Equal(10, vwap.Update(ParseUtc(first), 10, 10, 10, 1));
        Assert.Equal(15, vwap.Update(ParseUtc(sameDay), 20, 20, 20, 1));
        Assert.Equal(30, vwap.Update(ParseUtc(nextDay), 30, 30, 30, 1));
    }

    [Fact]
    public void Streaming_equals_batch_and_matches_grouping_by_local_date_with_the_system_zone_database()
    {
        // The reference groups bars by TimeZoneInfo's local date, independently of NodaTime.
        var system = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        Prop.ForAll(TestSeries.Cases, c =>
        {
            var bars = TestSeries.Bars(c.Seed, c.Length);
            var random = new Random(c.Seed);
            var times = new DateTime[c.Length];
            var time = Utc(2024, 3, 1, 0, 0);
            for (var i = 0; i < c.Length; i++)
            {
                // Steps of 1 minute to about 10 hours, so sessions hold zero to many bars and cross both DST dates over time.
                time = time.AddMinutes(1 + random.Next(600) + (random.Next(50) == 0 ? 60 * 24 * 200 : 0));
                times[i] = time;
            }

            var batch = new double[c.Length];
            SessionVwap.Compute(times, bars.High, bars.Low, bars.Close, bars.Volume, NewYork, batch);

            var expected = new double[c.Length];
            var priceVolume = 0.0;
            var volume = 0.0;
            for (var i = 0; i < c.Length; i++)
            {
                var date = TimeZoneInfo.ConvertTimeFromUtc(times[i], system).Date;
                if (i == 0 || date != TimeZoneInfo.ConvertTimeFromUtc(times[i - 1], system).Date)
                {
                    priceVolume = 0;
                    volume = 0;
                }

                priceVolume += (bars.High[i] + bars.Low[i] + bars.Close[i]) / 3 * bars.Volume[i];
                volume += bars.Volume[i];
                expected[i] = volume > 0 ? priceVolume / volume : double.NaN;
            }

            Expect.Close(expected, batch, 1e-12);
            var vwap = new SessionVwap(NewYork);
            var streamed = Enumerable.Range(0, c.Length).Select(i => vwap.Update(times[i], bars.High[i], bars.Low[i], bars.Close[i], bars.Volume[i])).ToArray();
            return Expect.Identical(batch, streamed);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Reset_forgets_the_session()
    {
        var vwap = new SessionVwap(NewYork);
        vwap.Update(Utc(2024, 3, 8, 14, 30), 10, 10, 10, 5);
        vwap.Reset();
        Assert.False(vwap.IsReady);
        Assert.True(double.IsNaN(vwap.Value));
        Assert.Equal(20, vwap.Update(Utc(2024, 3, 8, 14, 31), 20, 20, 20, 5));
    }

    [Fact]
    public void Rejects_a_time_that_is_not_utc()
    {
        var vwap = new SessionVwap(NewYork);
        Assert.Throws<ArgumentException>(() => vwap.Update(new DateTime(2024, 3, 8, 9, 30, 0, DateTimeKind.Unspecified), 1, 1, 1, 1));
    }

    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static DateTime ParseUtc(string text) => DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

    private static void Compute((DateTime Time, double High, double Low, double Close, double Volume)[] bars, DateTimeZone zone, double[] output) =>
        SessionVwap.Compute(
            bars.Select(b => b.Time).ToArray(),
            bars.Select(b => b.High).ToArray(),
            bars.Select(b => b.Low).ToArray(),
            bars.Select(b => b.Close).ToArray(),
            bars.Select(b => b.Volume).ToArray(),
            zone,
            output);

    private static BarSeries SeriesOf(string ticker, (DateTime Time, double High, double Low, double Close, double Volume)[] bars)
    {
        var series = new BarSeries(Symbol.Parse(ticker), Resolution.Minute);
        foreach (var b in bars)
        {
            series.Add(new Bar(b.Time, b.Close, b.High, b.Low, b.Close, b.Volume));
        }

        return series;
    }
}
