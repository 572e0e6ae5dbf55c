namespace Tradewind.Data.Csv;

/// <summary>How a format writes the bar time, which decides how it becomes a UTC instant or a trading date.</summary>
internal enum CsvTimeStyle : byte
{
    /// <summary>A date (<c>yyyy-MM-dd</c>); a midnight time or an offset after it is tolerated.</summary>
    Date,

    /// <summary>An ISO 8601 date-time that must carry its UTC offset (Tradewind <c>timestamp</c>, yfinance <c>Datetime</c>).</summary>
    OffsetTimestamp,

    /// <summary>A wall-clock date-time without offset in the exchange's zone (Alpha Vantage intraday).</summary>
    ExchangeLocalTimestamp,

    /// <summary>Stooq bulk: <c>yyyyMMdd</c> plus <c>HHmmss</c> in the exchange's zone.</summary>
    CompactDateAndTime,
}
