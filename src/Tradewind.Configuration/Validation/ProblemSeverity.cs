namespace Tradewind.Configuration.Validation;

/// <summary>How bad a configuration problem is.</summary>
public enum ProblemSeverity
{
    /// <summary>The configuration is still usable, but probably not what was meant.</summary>
    Warning,

    /// <summary>The configuration cannot be used.</summary>
    Error,
}
