namespace Tradewind.Cli;

/// <summary>A mistake in what the user asked for; the message names the input, the place and the fix.</summary>
public sealed class UserInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UserInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public UserInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
