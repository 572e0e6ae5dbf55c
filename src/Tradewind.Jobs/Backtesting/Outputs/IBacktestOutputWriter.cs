using Tradewind.Core.Engine;

namespace Tradewind.Jobs.Backtesting.Outputs;

/// <summary>One output of a finished run: a local file, an object in S3, or the run's rows in the database.</summary>
public interface IBacktestOutputWriter
{
    /// <summary>Where the output goes, as people read it: the path or <c>s3://</c> URL as given, or the database.</summary>
    string Target { get; }

    /// <summary>What the output is: <c>trades CSV</c>, <c>HTML report</c>, <c>run and its trades</c>.</summary>
    string Description { get; }

    /// <summary>Writes the output of <paramref name="result"/> and its <paramref name="summary"/>, whole or not at all.</summary>
    Task WriteAsync(BacktestResult result, BacktestSummary summary, CancellationToken cancellationToken);
}
