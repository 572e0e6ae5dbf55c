using Tradewind.Core.Engine;

namespace Tradewind.Jobs.Backtesting.Outputs;

/// <summary>The run's <see cref="BacktestSummary"/> as JSON: indented, or on one line for a <c>.jsonl</c> path.</summary>
public sealed class SummaryJsonDocument(bool oneLine) : BacktestDocument
{
    /// <summary>True for one JSON line (a <c>.jsonl</c> path), false for indented JSON.</summary>
    public bool OneLine { get; } = oneLine;

    /// <inheritdoc />
    public override string Name => OneLine ? "summary JSON line" : "summary JSON";

    /// <inheritdoc />
    public override string ContentType => OneLine ? "application/x-ndjson" : "application/json";

    /// <inheritdoc />
    public override async Task RenderAsync(BacktestResult result, BacktestSummary summary, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteAsync(summary.ToJson(indented: !OneLine));
        await writer.WriteAsync('\n');
    }
}
