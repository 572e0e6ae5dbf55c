namespace Tradewind.Configuration.Settings;

/// <summary>The least severe log level written (<c>system.log_level</c>).</summary>
public enum LogVerbosity
{
    /// <summary>Everything, including per-step detail.</summary>
    Trace,

    /// <summary>Diagnostic detail.</summary>
    Debug,

    /// <summary>What the system did.</summary>
    Information,

    /// <summary>Only what needs attention.</summary>
    Warning,

    /// <summary>Only failures.</summary>
    Error,
}
