using Microsoft.Extensions.Options;
using Tradewind.Configuration.Reloading;
using Tradewind.Configuration.Settings;

namespace Tradewind.Configuration.Options;

/// <summary>
/// Gives <see cref="IOptions{TOptions}"/> and <see cref="IOptionsSnapshot{TOptions}"/> the settings in force
/// of the <see cref="SettingsMonitor"/>: the last valid load. The monitor has already bound and validated
/// them (the records are immutable, so the default factory's configure-a-new-instance model does not fit).
/// </summary>
public sealed class TradewindSettingsFactory : IOptionsFactory<TradewindSettings>
{
    private readonly SettingsMonitor _monitor;

    /// <summary>Creates the factory.</summary>
    public TradewindSettingsFactory(SettingsMonitor monitor)
    {
        _monitor = monitor;
    }

    /// <summary>The settings in force.</summary>
    /// <exception cref="OptionsValidationException">No load has been valid: every error, secrets masked.</exception>
    public TradewindSettings Create(string name) => _monitor.Get(name);
}
