namespace Tradewind.Configuration.Reporting;

/// <summary>One key whose effective value differs between two loads, as it may be shown (secrets masked).</summary>
/// <param name="Path">The key in file spelling; a list of plain values is one key (<c>data.fallback</c>).</param>
/// <param name="Left">The first load's value as shown; null where the key is absent.</param>
/// <param name="LeftOrigin">Where the first value came from; null where absent.</param>
/// <param name="Right">The second load's value as shown; null where absent.</param>
/// <param name="RightOrigin">Where the second value came from; null where absent.</param>
public sealed record ConfigurationDifference(string Path, string? Left, string? LeftOrigin, string? Right, string? RightOrigin)
{
    /// <summary>True when the values differ but show alike (two secrets masked to the same text), so the output must say so.</summary>
    public bool MasksAlike => Left is not null && Left == Right;
}
