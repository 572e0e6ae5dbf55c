namespace Tradewind.Configuration.Loading;

/// <summary>The one call a command needs: open the layers, evaluate them once, close them.</summary>
public static class SettingsLoader
{
    /// <summary>Loads, binds and validates the configuration of <paramref name="source"/>; problems are in the snapshot.</summary>
    /// <exception cref="ConfigurationException">No config/base folder, or an unknown environment.</exception>
    public static SettingsSnapshot Load(SettingsSource source)
    {
        using var configuration = TradewindConfiguration.Open(source);
        return configuration.Evaluate();
    }
}
