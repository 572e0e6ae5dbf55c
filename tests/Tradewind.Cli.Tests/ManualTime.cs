namespace Tradewind.Cli.Tests;

/// <summary>A clock that says what the test sets it to.</summary>
public sealed class ManualTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
