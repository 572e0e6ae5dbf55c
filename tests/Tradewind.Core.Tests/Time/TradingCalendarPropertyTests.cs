using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Time;

namespace Tradewind.Core.Tests.Time;

// Invariants of trading-day arithmetic over random dates of the whole NYSE range.
public sealed class TradingCalendarPropertyTests
{
    private static readonly NyseCalendar Nyse = NyseCalendar.Instance;

    // A margin from each end of the range so the next/previous trading day always exists.
    private static readonly Gen<DateOnly> NyseDates =
        Gen.Choose(new DateOnly(1990, 1, 10).DayNumber, new DateOnly(2035, 12, 20).DayNumber).Select(DateOnly.FromDayNumber);

    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(1000);

    [Fact]
    public void Next_trading_day_is_the_first_trading_day_after_the_date()
    {
        Check.One(Runs, Prop.ForAll(Arb.From(NyseDates), d =>
        {
            var next = Nyse.NextTradingDay(d);
            return next > d
                && Nyse.IsTradingDay(next)
                && !Nyse.TradingDays(d.AddDays(1), next.AddDays(-1)).Any()
                && Nyse.PreviousTradingDay(next) <= d;
        }));
    }

    [Fact]
    public void Previous_trading_day_is_the_last_trading_day_before_the_date()
    {
        Check.One(Runs, Prop.ForAll(Arb.From(NyseDates), d =>
        {
            var previous = Nyse.PreviousTradingDay(d);
            return previous < d
                && Nyse.IsTradingDay(previous)
                && !Nyse.TradingDays(previous.AddDays(1), d.AddDays(-1)).Any()
                && Nyse.NextTradingDay(previous) >= d;
        }));
    }

    [Fact]
    public void Trading_days_between_counts_the_half_open_interval_and_is_antisymmetric()
    {
        var pairs = from a in NyseDates
                    from span in Gen.Choose(-800, 800)
                    let b = DateOnly.FromDayNumber(Math.Clamp(a.DayNumber + span, new DateOnly(1990, 1, 10).DayNumber, new DateOnly(2035, 12, 20).DayNumber))
                    select (a, b);
        Check.One(Runs, Prop.ForAll(Arb.From(pairs), pair =>
        {
            var (a, b) = pair;
            var between = Nyse.TradingDaysBetween(a, b);
            var counted = a <= b ? Nyse.TradingDays(a.AddDays(1), b).Count() : -Nyse.TradingDays(b.AddDays(1), a).Count();
            return between == counted && Nyse.TradingDaysBetween(b, a) == -between;
        }));
    }

    [Fact]
    public void Trading_days_between_is_additive()
    {
        var triples = from a in NyseDates from b in NyseDates from c in NyseDates select (a, b, c);
        Check.One(Runs, Prop.ForAll(Arb.From(triples), t =>
            Nyse.TradingDaysBetween(t.a, t.b) + Nyse.TradingDaysBetween(t.b, t.c) == Nyse.TradingDaysBetween(t.a, t.c)));
    }

    [Fact]
    public void Adding_trading_days_round_trips_and_agrees_with_between()
    {
        // Dates two years inside the range, so +-500 trading days stay in it.
        var cases = from day in Gen.Choose(new DateOnly(1992, 1, 1).DayNumber, new DateOnly(2033, 12, 31).DayNumber)
                    from n in Gen.Choose(-500, 500)
                    select (Date: DateOnly.FromDayNumber(day), N: n);
        Check.One(Runs, Prop.ForAll(Arb.From(cases), c =>
        {
            var start = Nyse.IsTradingDay(c.Date) ? c.Date : Nyse.NextTradingDay(c.Date);
            var moved = Nyse.AddTradingDays(start, c.N);
            var fromAnyDate = Nyse.AddTradingDays(c.Date, c.N);
            return Nyse.IsTradingDay(moved)
                && Nyse.TradingDaysBetween(start, moved) == c.N
                && Nyse.AddTradingDays(moved, -c.N) == start
                // From a non-trading date, counting starts next to it on either side.
                && (c.N == 0 || Nyse.IsTradingDay(fromAnyDate))
                && (c.N <= 0 || fromAnyDate == Nyse.AddTradingDays(Nyse.NextTradingDay(c.Date), c.N - 1))
                && (c.N >= 0 || fromAnyDate == Nyse.AddTradingDays(Nyse.PreviousTradingDay(c.Date), c.N + 1));
        }));
    }

    [Fact]
    public void Is_open_agrees_with_the_session_of_the_local_date()
    {
        var start = new DateTimeOffset(1990, 1, 2, 0, 0, 0, TimeSpan.Zero);
        var instants = from day in Gen.Choose(0, (new DateOnly(2035, 12, 30).DayNumber) - new DateOnly(1990, 1, 2).DayNumber)
                       from second in Gen.Choose(0, (24 * 3600) - 1)
                       select start.AddDays(day).AddSeconds(second);
        Check.One(Runs, Prop.ForAll(Arb.From(instants), instant =>
        {
            var session = Nyse.GetSession(Nyse.ToExchangeDate(instant));
            var expected = session is not null && instant >= session.OpenUtc && instant < session.CloseUtc;
            return Nyse.IsOpen(instant) == expected;
        }));
    }

    [Fact]
    public void Is_open_flips_exactly_at_the_open_and_the_close()
    {
        var cases = from day in NyseDates
                    from delta in Gen.Elements(-60, -1, 0, 1, 60)
                    select (Day: day, DeltaSeconds: delta);
        Check.One(Runs, Prop.ForAll(Arb.From(cases), c =>
        {
            if (Nyse.GetSession(c.Day) is not { } session)
            {
                return Nyse.ClosureReason(c.Day) is not null;
            }

            var aroundOpen = session.OpenUtc.AddSeconds(c.DeltaSeconds);
            var aroundClose = session.CloseUtc.AddSeconds(c.DeltaSeconds);
            return Nyse.IsOpen(aroundOpen) == (c.DeltaSeconds >= 0)
                && Nyse.IsOpen(aroundClose) == (c.DeltaSeconds < 0)
                && session.OpenLocal.Offset == Nyse.TimeZone.GetUtcOffset(NodaTime.Instant.FromDateTimeOffset(session.OpenUtc)).ToTimeSpan();
        }));
    }
}
