namespace Tradewind.Testing;

/// <summary>
/// A small daily price file whose backtest is worked out by hand, shared by the Jobs and CLI tests.
/// </summary>
/// <remarks>
/// With <c>sma-cross</c> fast=1 slow=2 the fast − slow difference is (close − previous close) / 2, so the strategy buys
/// at the next open after the close turns up and sells at the next open after it turns down. With size=10 and no costs:
/// <list type="bullet">
/// <item>2024-01-04 closes up after a fall: buy 10 at the 2024-01-05 open, 10.5.</item>
/// <item>2024-01-09 closes down: sell 10 at the 2024-01-10 open, 11.5: P&amp;L 10, return 10 / 105, 3 bars held.</item>
/// <item>2024-01-12 closes up: buy 10 at the 2024-01-16 open (01-15 is a holiday), 10.25; still held at the end.</item>
/// <item>Final equity 100000 + 10 + 10 × (13 − 10.25) = 100037.5; the peak before is 100015 (01-08), then 100005 (01-09).</item>
/// </list>
/// </remarks>
public static class BacktestExamples
{
    /// <summary>The file's content, to be saved as <c>TEST.csv</c> (the symbol comes from the name).</summary>
    public const string SmallDailyCsv = """
        date,open,high,low,close,volume
        2024-01-02,10,10.5,9.5,10,1000
        2024-01-03,10,10,9,9,1000
        2024-01-04,9,10,9,10,1000
        2024-01-05,10.5,11,10,11,1000
        2024-01-08,11,12,11,12,1000
        2024-01-09,12,12,11,11,1000
        2024-01-10,11.5,11.5,10,10,1000
        2024-01-11,10,10,9,9,1000
        2024-01-12,9,10,9,10,1000
        2024-01-16,10.25,11,10,11,1000
        2024-01-17,11,12,11,12,1000
        2024-01-18,12,13,12,13,1000

        """;

    /// <summary>The equity at each bar's close of the run described above, in file order.</summary>
    public static IReadOnlyList<double> SmallDailyEquity { get; } =
        [100000, 100000, 100000, 100005, 100015, 100005, 100010, 100010, 100010, 100017.5, 100027.5, 100037.5];
}
