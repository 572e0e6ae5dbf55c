using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tradewind.Configuration.Loading;
using Tradewind.Configuration.Reloading;
using Tradewind.Configuration.Settings;

namespace Tradewind.Configuration.Options;

/// <summary>Registers Tradewind's settings with the Options pattern.</summary>
public static class TradewindSettingsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IOptions{TOptions}"/>, <see cref="IOptionsSnapshot{TOptions}"/> and
    /// <see cref="IOptionsMonitor{TOptions}"/> of <see cref="TradewindSettings"/> for the configuration of
    /// <paramref name="source"/>, served by one <see cref="SettingsMonitor"/> (also registered). With
    /// <see cref="SettingsSource.ReloadOnChange"/> the monitor follows file edits: its current value is always
    /// the last valid settings, and its change notification fires only for valid edits. Every registered
    /// <see cref="IValidateOptions{TOptions}"/> of <see cref="TradewindSettings"/> must pass too.
    /// </summary>
    public static IServiceCollection AddTradewindSettings(this IServiceCollection services, SettingsSource source) =>
        services.AddTradewindSettings(source, new SettingsMonitorOptions());

    /// <summary>
    /// As <see cref="AddTradewindSettings(IServiceCollection, SettingsSource)"/>, with the monitor's quiet period
    /// and clock (its validators are those registered, added to <paramref name="monitorOptions"/>'s own).
    /// </summary>
    public static IServiceCollection AddTradewindSettings(this IServiceCollection services, SettingsSource source, SettingsMonitorOptions monitorOptions)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(monitorOptions);
        services.AddOptions();
        services.TryAddSingleton(provider => new SettingsMonitor(source, monitorOptions with
        {
            Validators = [.. monitorOptions.Validators, .. provider.GetServices<IValidateOptions<TradewindSettings>>()],
        }));

        // The monitor replaces the Options pattern's own one, which on a file change asks the factory again and
        // so would throw for an invalid edit where the previous settings must stay; IOptions and IOptionsSnapshot
        // read the monitor's settings in force through the factory.
        services.AddSingleton<IOptionsMonitor<TradewindSettings>>(provider => provider.GetRequiredService<SettingsMonitor>());
        services.AddSingleton<IOptionsFactory<TradewindSettings>, TradewindSettingsFactory>();
        return services;
    }
}
