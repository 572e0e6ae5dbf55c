namespace Tradewind.Data.Csv;

/// <summary>The CSV layouts <see cref="CsvBarReader"/> reads; <see cref="Auto"/> detects one from the header.</summary>
public enum CsvFormat
{
    /// <summary>Detect the format from the header and the first data row.</summary>
    Auto,

    /// <summary>
    /// Tradewind's normalized layout: <c>date,open,high,low,close,volume[,adj_close]</c> or
    /// <c>timestamp,...</c> with ISO 8601 timestamps carrying a UTC offset; oldest first.
    /// </summary>
    Tradewind,

    /// <summary>
    /// A Yahoo Finance download (<c>Date,Open,High,Low,Close,Adj Close,Volume</c>) or a yfinance intraday
    /// file (<c>Datetime,...</c> with offsets); oldest first.
    /// </summary>
    Yahoo,

    /// <summary>
    /// Stooq: the web download <c>Date,Open,High,Low,Close[,Volume]</c> or the bulk text layout
    /// <c>&lt;TICKER&gt;,&lt;PER&gt;,&lt;DATE&gt;,&lt;TIME&gt;,&lt;OPEN&gt;,...</c>; oldest first.
    /// </summary>
    Stooq,

    /// <summary>
    /// Alpha Vantage with <c>datatype=csv</c>: <c>timestamp,open,high,low,close,[adjusted_close,]volume,...</c>,
    /// newest first; intraday times are US/Eastern wall-clock times without an offset.
    /// </summary>
    AlphaVantage,
}
