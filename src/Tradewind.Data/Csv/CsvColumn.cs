namespace Tradewind.Data.Csv;

/// <summary>What a CSV column holds, once its header name has been mapped.</summary>
internal enum CsvColumn : byte
{
    /// <summary>A column the format has but bars do not use (dividends, open interest ...).</summary>
    Ignored,

    /// <summary>The bar's date or timestamp in one cell.</summary>
    Time,

    /// <summary>Stooq bulk <c>&lt;DATE&gt;</c> (<c>yyyyMMdd</c>).</summary>
    Date,

    /// <summary>Stooq bulk <c>&lt;TIME&gt;</c> (<c>HHmmss</c>).</summary>
    Clock,

    /// <summary>Opening price.</summary>
    Open,

    /// <summary>Highest price.</summary>
    High,

    /// <summary>Lowest price.</summary>
    Low,

    /// <summary>Closing price.</summary>
    Close,

    /// <summary>Volume.</summary>
    Volume,

    /// <summary>Split- and dividend-adjusted close.</summary>
    AdjClose,

    /// <summary>Stooq bulk <c>&lt;TICKER&gt;</c>.</summary>
    Ticker,

    /// <summary>Stooq bulk <c>&lt;PER&gt;</c>: the bar period.</summary>
    Period,
}
