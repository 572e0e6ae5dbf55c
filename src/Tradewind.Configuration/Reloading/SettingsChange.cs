using Tradewind.Configuration.Loading;
using Tradewind.Configuration.Reporting;

namespace Tradewind.Configuration.Reloading;

/// <summary>A reload that was valid and is now in force.</summary>
/// <param name="Previous">The settings that were in force before (the last valid load); null when no load had been valid, and then
/// <paramref name="Changes"/> are told against the rejected load this one replaces.</param>
/// <param name="Current">The settings now in force.</param>
/// <param name="Changes">The keys whose effective values changed, values masked when secret; empty when the edit changed no value.</param>
/// <param name="Files">The files whose events caused the reload, relative to the working directory with '/' separators.</param>
/// <param name="Latency">From the last write of a changed file (else the last file event) to the new settings being in force.</param>
public sealed record SettingsChange(
    SettingsSnapshot? Previous, SettingsSnapshot Current, IReadOnlyList<ConfigurationDifference> Changes, IReadOnlyList<string> Files, TimeSpan Latency);
