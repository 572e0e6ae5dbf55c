namespace Tradewind.Core.Optimization;

/// <summary>A parameter grid cannot be used; <see cref="Exception.Message"/> names each grid text, what is wrong and the fix.</summary>
public sealed class ParameterGridException : Exception
{
    /// <summary>Creates the exception from its problems (one line each).</summary>
    public ParameterGridException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems ?? []))
    {
        Problems = problems ?? [];
    }

    /// <summary>Creates the exception with a message.</summary>
    public ParameterGridException(string message)
        : base(message)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ParameterGridException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception.</summary>
    public ParameterGridException()
        : this("invalid parameter grid")
    {
    }

    /// <summary>Each problem, naming the grid text.</summary>
    public IReadOnlyList<string> Problems { get; }
}
