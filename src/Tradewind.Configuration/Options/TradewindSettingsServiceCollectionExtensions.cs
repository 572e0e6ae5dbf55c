using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tradewind.Configuration.Loading;
using Tradewind.Configuration.Settings;

namespace Tradewind.Configuration.Options;

/// <summary>Registers Tradewind's settings with the Options pattern.</summary>
public static class TradewindSettingsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IOptions{TOptions}"/>, <see cref="IOptionsSnapshot{TOptions}"/> and
    /// <see cref="IOptionsMonitor{TOptions}"/> of <see cref="TradewindSettings"/> for the configuration of
    /// <paramref name="source"/> (open the layers with <see cref="SettingsSource.ReloadOnChange"/> for the
    /// monitor to see file edits), validated by <see cref="TradewindSettingsValidation"/>. Also registers the
    /// <see cref="TradewindConfiguration"/> itself, for attribution and <c>config show</c>-style views.
    /// </summary>
    public static IServiceCollection AddTradewindSettings(this IServiceCollection services, SettingsSource source)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(source);
        services.AddOptions();
        services.TryAddSingleton(_ => TradewindConfiguration.Open(source));
        services.AddSingleton<IOptionsFactory<TradewindSettings>, TradewindSettingsFactory>();
        services.AddSingleton<IValidateOptions<TradewindSettings>, TradewindSettingsValidation>();
        services.AddSingleton<IOptionsChangeTokenSource<TradewindSettings>>(
            provider => new ConfigurationChangeTokenSource<TradewindSettings>(provider.GetRequiredService<TradewindConfiguration>().Root));
        return services;
    }
}
