using Tradewind.Configuration.Loading;
using Tradewind.Configuration.Validation;

namespace Tradewind.Configuration.Reloading;

/// <summary>A reload that was invalid: nothing of it was applied, the previous settings stay in force.</summary>
/// <param name="InForce">The settings still in force (the last valid load); null when no load has ever been valid.</param>
/// <param name="Errors">Every error of the attempted load, values masked when secret.</param>
/// <param name="Files">The files whose events caused the reload, relative to the working directory with '/' separators.</param>
/// <param name="Latency">From the last write of a changed file (else the last file event) to the rejection.</param>
public sealed record SettingsRejection(
    SettingsSnapshot? InForce, IReadOnlyList<ConfigurationProblem> Errors, IReadOnlyList<string> Files, TimeSpan Latency);
