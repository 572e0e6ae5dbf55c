using Tradewind.Core.Engine;
using Tradewind.Data.Files;

namespace Tradewind.Jobs.Backtesting.Outputs;

/// <summary>Writes a <see cref="BacktestDocument"/> to a local file through a temporary file and a rename (<see cref="AtomicFile"/>).</summary>
/// <param name="document">What to write.</param>
/// <param name="target">The path as the user gave it, for messages.</param>
/// <param name="path">The full path.</param>
public sealed class FileOutputWriter(BacktestDocument document, string target, string path) : IBacktestOutputWriter
{
    /// <summary>What is written.</summary>
    public BacktestDocument Document { get; } = document ?? throw new ArgumentNullException(nameof(document));

    /// <summary>The full path written.</summary>
    public string Path { get; } = path;

    /// <inheritdoc />
    public string Target { get; } = target;

    /// <inheritdoc />
    public string Description => Document.Name;

    /// <inheritdoc />
    public Task WriteAsync(BacktestResult result, BacktestSummary summary, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(Path, writer => Document.RenderAsync(result, summary, writer, cancellationToken), cancellationToken);
}
