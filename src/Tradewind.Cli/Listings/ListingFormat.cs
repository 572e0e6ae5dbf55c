namespace Tradewind.Cli.Listings;

/// <summary>How a command prints what it read: a table for people, CSV or JSON for scripts.</summary>
public enum ListingFormat
{
    /// <summary>A Spectre table (the default).</summary>
    Table,

    /// <summary>CSV: a header of the database's column names, then one record per row.</summary>
    Csv,

    /// <summary>JSON: objects keyed by the database's column names.</summary>
    Json,
}
