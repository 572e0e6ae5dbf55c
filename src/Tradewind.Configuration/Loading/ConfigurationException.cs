namespace Tradewind.Configuration.Loading;

/// <summary>
/// The configuration cannot be loaded at all (no config/ folder, an unknown environment). Problems
/// with values are not exceptions: they are collected in <see cref="SettingsSnapshot.Problems"/>.
/// </summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ConfigurationException()
    {
    }
}
