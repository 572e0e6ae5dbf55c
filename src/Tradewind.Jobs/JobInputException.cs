namespace Tradewind.Jobs;

/// <summary>
/// What a job was asked to do cannot be done as asked: an unknown strategy or parameter, a missing or bad file, a symbol
/// that is not stored, an empty period. The message names each input, the place and the fix; nothing was written.
/// </summary>
public sealed class JobInputException : Exception
{
    /// <summary>Creates the exception from its problems, one line each.</summary>
    public JobInputException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems ?? throw new ArgumentNullException(nameof(problems))))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with one problem.</summary>
    public JobInputException(string message)
        : base(message)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception with one problem and its cause.</summary>
    public JobInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception.</summary>
    public JobInputException()
        : this("the job's input is not valid")
    {
    }

    /// <summary>Every problem found, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
