namespace Tradewind.Cli;

/// <summary>The process exit codes of the tradewind command.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>The command failed: bad input, an unreachable database, an unexpected error. Nothing partial was stored.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself was wrong: unknown verb or option, missing or malformed argument.</summary>
    public const int Usage = 2;
}
