using Tradewind.Data.ObjectStorage;
using Tradewind.Storage;

namespace Tradewind.Jobs;

/// <summary>
/// What a job needs from where it runs: the folder relative paths start from, the clock, the database and the object
/// storage settings. The command line, the scheduler and the API each build one; tests build their own.
/// </summary>
public sealed record JobEnvironment
{
    /// <summary>The folder relative paths are resolved against.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>The clock: run ids, creation times and elapsed times come from it, never from the system directly.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Opens (and migrates) the database; called only by jobs that read or write it.</summary>
    public Func<CancellationToken, Task<TradewindDatabase>> OpenDatabaseAsync { get; init; } =
        _ => throw new InvalidOperationException("this job environment has no database");

    /// <summary>The object storage settings; called only when an output is an s3:// URL.</summary>
    public Func<ObjectStorageOptions> ObjectStorage { get; init; } = () => new ObjectStorageOptions();

    /// <summary>Resolves a user-given path against <see cref="WorkingDirectory"/>.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));
}
