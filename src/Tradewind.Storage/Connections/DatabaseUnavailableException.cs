namespace Tradewind.Storage.Connections;

/// <summary>The database could not be opened or reached; the message names it (password masked) and the cause.</summary>
public sealed class DatabaseUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DatabaseUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
