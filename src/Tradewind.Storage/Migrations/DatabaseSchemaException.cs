namespace Tradewind.Storage.Migrations;

/// <summary>The database's schema cannot be used by this program: an applied migration was edited, or the database is newer.</summary>
public sealed class DatabaseSchemaException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DatabaseSchemaException(string message)
        : base(message)
    {
    }
}
