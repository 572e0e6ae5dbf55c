namespace Tradewind.Cli.Listings;

/// <summary>A column of a <see cref="Listing"/>.</summary>
/// <param name="Name">The name: the database's column name (or the stored JSON key) it shows, in every format.</param>
/// <param name="Numeric">Right-aligned in a table.</param>
public sealed record ListingColumn(string Name, bool Numeric = false);
