namespace Tradewind.Configuration.Loading;

/// <summary>
/// One source of configuration values: a file of a folder layer, the <c>.env</c> file, the
/// environment or the command line. Every effective value and every problem names its layer.
/// </summary>
/// <param name="Kind">Which kind of layer, which fixes its precedence.</param>
/// <param name="Name">The layer's name: defaults, base, the environment's name, local, .env, environment, command line.</param>
/// <param name="File">The file, relative to the working directory with '/' separators; null for layers that are not files.</param>
public sealed record ConfigurationLayer(LayerKind Kind, string Name, string? File)
{
    /// <summary>The records' defaults.</summary>
    public static ConfigurationLayer Defaults { get; } = new(LayerKind.Defaults, "defaults", null);

    /// <summary>The environment variables.</summary>
    public static ConfigurationLayer EnvironmentVariables { get; } = new(LayerKind.EnvironmentVariables, "environment", null);

    /// <summary>The command line's --set options.</summary>
    public static ConfigurationLayer CommandLine { get; } = new(LayerKind.CommandLine, "command line", null);

    /// <summary>True for the layers that are committed to the repository (base and environment files), where secrets must not be written.</summary>
    public bool IsCommitted => Kind is LayerKind.Base or LayerKind.Environment;

    /// <summary>True for layers whose lists replace a lower layer's list whole instead of overriding it item by item.</summary>
    public bool ReplacesLists => Kind is LayerKind.Defaults or LayerKind.Base or LayerKind.Environment or LayerKind.Local;

    /// <summary>How the layer is named in messages: its file, or its name.</summary>
    public override string ToString() => File ?? Name;
}
