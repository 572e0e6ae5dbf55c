using Microsoft.Extensions.Options;
using Tradewind.Configuration.Settings;

namespace Tradewind.Configuration.Reloading;

/// <summary>How a <see cref="SettingsMonitor"/> debounces, tells time and validates.</summary>
public sealed record SettingsMonitorOptions
{
    /// <summary>The default <see cref="QuietPeriod"/>: long enough to cover one editor save, short enough to keep p99 propagation under 100 ms.</summary>
    public static readonly TimeSpan DefaultQuietPeriod = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// How long the files must stay untouched after a change before they are reloaded. An editor's
    /// save is several file events (truncate, write, rename); reloading once after the burst keeps a
    /// half-written file from being judged.
    /// </summary>
    public TimeSpan QuietPeriod { get; init; } = DefaultQuietPeriod;

    /// <summary>The clock for the quiet period's timer and the reload latency.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Extra validators a reload must pass besides Tradewind's own rules (e.g. those registered with the
    /// Options pattern); their failures reject the reload like any configuration error.
    /// </summary>
    public IReadOnlyList<IValidateOptions<TradewindSettings>> Validators { get; init; } = [];
}
