using Tradewind.Core.Engine;

namespace Tradewind.Jobs.Backtesting.Outputs;

/// <summary>
/// One text output of a run in one format (a CSV table, JSON lines, the summary JSON, the HTML report): what to write,
/// not where. A <see cref="FileOutputWriter"/> or an <see cref="ObjectStorageOutputWriter"/> decides where.
/// </summary>
public abstract class BacktestDocument
{
    /// <summary>What the document is, for messages: <c>trades CSV</c>, <c>summary JSON</c>, <c>HTML report</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The MIME type an upload is labelled with.</summary>
    public abstract string ContentType { get; }

    /// <summary>Writes the document of <paramref name="result"/> and its <paramref name="summary"/> to <paramref name="writer"/>.</summary>
    public abstract Task RenderAsync(BacktestResult result, BacktestSummary summary, TextWriter writer, CancellationToken cancellationToken);
}
