namespace Tradewind.Jobs.Backtesting;

/// <summary>
/// Where a backtest's outputs go: each a local path or an <c>s3://bucket/key</c> URL, null when not wanted. The tables
/// (trades, fills, equity, orders, positions) are CSV, or JSON lines when the path ends in <c>.jsonl</c>.
/// </summary>
public sealed record BacktestOutputs
{
    /// <summary>The closed round trips (<c>--output</c>).</summary>
    public string? Trades { get; init; }

    /// <summary>Every fill (<c>--fills</c>).</summary>
    public string? Fills { get; init; }

    /// <summary>The equity curve, one row per bar (<c>--equity</c>).</summary>
    public string? Equity { get; init; }

    /// <summary>Every order with its final status (<c>--orders</c>).</summary>
    public string? Orders { get; init; }

    /// <summary>The positions still open at the end (<c>--positions</c>).</summary>
    public string? Positions { get; init; }

    /// <summary>The summary as JSON (<c>--json</c>; one line when the path ends in <c>.jsonl</c>).</summary>
    public string? Summary { get; init; }

    /// <summary>The self-contained HTML report (<c>--report</c>).</summary>
    public string? Report { get; init; }

    /// <summary>These outputs over <paramref name="lower"/>: each one given here wins.</summary>
    public BacktestOutputs Over(BacktestOutputs lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        return new BacktestOutputs
        {
            Trades = BacktestSettings.Given(Trades) ?? lower.Trades,
            Fills = BacktestSettings.Given(Fills) ?? lower.Fills,
            Equity = BacktestSettings.Given(Equity) ?? lower.Equity,
            Orders = BacktestSettings.Given(Orders) ?? lower.Orders,
            Positions = BacktestSettings.Given(Positions) ?? lower.Positions,
            Summary = BacktestSettings.Given(Summary) ?? lower.Summary,
            Report = BacktestSettings.Given(Report) ?? lower.Report,
        };
    }

    /// <summary>Each output that is wanted, with the option that named it.</summary>
    internal IEnumerable<(string Option, string Target)> Named()
    {
        foreach (var (option, target) in new[]
        {
            ("--output", Trades), ("--fills", Fills), ("--equity", Equity), ("--orders", Orders), ("--positions", Positions), ("--json", Summary), ("--report", Report),
        })
        {
            if (BacktestSettings.Given(target) is { } given)
            {
                yield return (option, given.Trim());
            }
        }
    }
}
