namespace Tradewind.Jobs.Backtesting;

/// <summary>An output of a finished run that could not be written: which, where, and the exception that stopped it.</summary>
/// <param name="Output">What the output is: <c>trades CSV</c>, <c>run and its trades</c>.</param>
/// <param name="Target">Where it was to go: the path or <c>s3://</c> URL as given, or the database.</param>
/// <param name="Error">Why it was not written.</param>
/// <param name="Unexpected">
/// True for an exception no output is expected to throw (not a file, upload or database failure): a bug to report, so
/// the message names the exception's type and <see cref="Error"/> keeps its stack trace.
/// </param>
public sealed record BacktestOutputFailure(string Output, string Target, Exception Error, bool Unexpected)
{
    /// <summary>The failure as one line: <c>trades CSV was not written to out/trades.csv: reason</c>.</summary>
    public string Message => Unexpected
        ? $"{Output} was not written to {Target}: unexpected {Error.GetType().FullName}: {Error.Message}"
        : $"{Output} was not written to {Target}: {Error.Message}";

    /// <inheritdoc />
    public override string ToString() => Message;
}
