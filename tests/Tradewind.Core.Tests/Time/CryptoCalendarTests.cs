using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Time;

namespace Tradewind.Core.Tests.Time;

public sealed class CryptoCalendarTests
{
    private static readonly CryptoCalendar Crypto = CryptoCalendar.Instance;

    [Fact]
    public void Names_itself_and_uses_UTC()
    {
        Assert.Equal("CRYPTO", Crypto.Name);
        Assert.Equal("UTC", Crypto.TimeZoneId);
    }

    [Fact]
    public void Every_day_trades_including_weekends_and_NYSE_holidays()
    {
        var days = Crypto.TradingDays(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)).ToList();

        Assert.Equal(366, days.Count);
        Assert.True(Crypto.IsTradingDay(new DateOnly(2024, 12, 25)));
        Assert.True(Crypto.IsTradingDay(new DateOnly(2024, 6, 15)));
        Assert.Null(Crypto.ClosureReason(new DateOnly(2024, 12, 25)));
    }

    [Theory]
    [InlineData(2024, 3, 10)] // a US DST switch day: irrelevant in UTC
    [InlineData(2024, 12, 31)]
    [InlineData(2024, 2, 29)]
    public void Sessions_run_from_UTC_midnight_to_the_next_UTC_midnight(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);
        var session = Crypto.GetSession(date);

        Assert.Equal(date, session.Date);
        Assert.Equal(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), session.OpenUtc);
        Assert.Equal(new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), session.CloseUtc);
        Assert.Equal(session.OpenUtc, session.OpenLocal);
        Assert.Equal(TimeSpan.Zero, session.OpenLocal.Offset);
        Assert.Equal(TimeSpan.FromHours(24), session.Duration);
        Assert.False(session.IsEarlyClose);
        Assert.True(session.Contains(session.OpenUtc));
        Assert.False(session.Contains(session.CloseUtc));
    }

    [Fact]
    public void Is_always_open()
    {
        var instants = from day in Gen.Choose(new DateOnly(2009, 1, 3).DayNumber, new DateOnly(2100, 1, 1).DayNumber)
                       from second in Gen.Choose(0, (24 * 3600) - 1)
                       from offsetHours in Gen.Choose(-12, 14)
                       select new DateTimeOffset(DateOnly.FromDayNumber(day).ToDateTime(TimeOnly.MinValue).AddSeconds(second), TimeSpan.FromHours(offsetHours));
        Prop.ForAll(Arb.From(instants), instant =>
            Crypto.IsOpen(instant)
            && Crypto.GetSession(Crypto.ToExchangeDate(instant)).Contains(instant))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Arithmetic_is_calendar_day_arithmetic()
    {
        var saturday = new DateOnly(2024, 6, 15);

        Assert.Equal(new DateOnly(2024, 6, 16), Crypto.NextTradingDay(saturday));
        Assert.Equal(new DateOnly(2024, 6, 14), Crypto.PreviousTradingDay(saturday));
        Assert.Equal(new DateOnly(2024, 7, 15), Crypto.AddTradingDays(saturday, 30));
        Assert.Equal(saturday, Crypto.AddTradingDays(saturday, 0));
        Assert.Equal(366, Crypto.TradingDaysBetween(new DateOnly(2023, 12, 31), new DateOnly(2024, 12, 31)));
        Assert.Equal(-366, Crypto.TradingDaysBetween(new DateOnly(2024, 12, 31), new DateOnly(2023, 12, 31)));
    }

    [Fact]
    public void Refuses_to_step_past_the_end_of_representable_dates()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Crypto.NextTradingDay(new DateOnly(9999, 12, 30)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Crypto.PreviousTradingDay(DateOnly.MinValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => Crypto.GetSession(DateOnly.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => Crypto.AddTradingDays(new DateOnly(2024, 1, 1), int.MaxValue));
    }
}
