namespace Tradewind.Storage.Migrations;

/// <summary>One versioned SQL script of one dialect, as embedded in this assembly.</summary>
/// <param name="Version">The number at the start of the file name (0001_...).</param>
/// <param name="Name">The rest of the file name, e.g. <c>price_history</c>.</param>
/// <param name="Sql">The script.</param>
/// <param name="Checksum">SHA-256 of the script, to detect a script edited after it was applied.</param>
public sealed record Migration(int Version, string Name, string Sql, string Checksum);
