using Microsoft.Extensions.Configuration;

namespace Tradewind.Configuration.Yaml;

/// <summary>
/// A YAML file as a Microsoft.Extensions.Configuration source (file provider, optional, reload on change
/// work as for JSON files). Our own because NetEscapades.Configuration.Yaml 2.0.0, the only version on
/// the package source here, is binary-incompatible with every YamlDotNet version available (11.2.1+):
/// it fails at run time with MissingMethodException on <c>YamlMappingNode.Children</c>.
/// </summary>
public sealed class YamlConfigurationSource : FileConfigurationSource
{
    /// <inheritdoc />
    public override IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        EnsureDefaults(builder);
        return new YamlConfigurationProvider(this);
    }
}
