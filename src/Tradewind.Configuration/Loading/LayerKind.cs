namespace Tradewind.Configuration.Loading;

/// <summary>The kinds of configuration layer, in precedence order: a later kind overrides an earlier one.</summary>
public enum LayerKind
{
    /// <summary>The settings records' own defaults.</summary>
    Defaults,

    /// <summary><c>config/base/*</c>: committed defaults.</summary>
    Base,

    /// <summary><c>config/&lt;environment&gt;/*</c>: the committed overlay of one environment.</summary>
    Environment,

    /// <summary><c>config/local/*</c>: git-ignored developer overrides.</summary>
    Local,

    /// <summary><c>TRADEWIND__*</c> lines of the git-ignored <c>.env</c> file.</summary>
    DotEnv,

    /// <summary><c>TRADEWIND__Section__Key</c> environment variables.</summary>
    EnvironmentVariables,

    /// <summary><c>--set section.key=value</c> on the command line.</summary>
    CommandLine,
}
