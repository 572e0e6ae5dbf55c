namespace Tradewind.Data.ObjectStorage;

/// <summary>What kind of failure an <see cref="ObjectStorageException"/> reports.</summary>
public enum ObjectStorageFailure
{
    /// <summary>Anything not covered below; the message carries the service's reason.</summary>
    Other,

    /// <summary>The object does not exist.</summary>
    ObjectNotFound,

    /// <summary>The bucket does not exist.</summary>
    BucketNotFound,

    /// <summary>The credentials were refused or lack permission.</summary>
    AccessDenied,

    /// <summary>The endpoint could not be reached (refused connection, unknown host, network error).</summary>
    Unreachable,

    /// <summary>The operation did not finish within its time budget.</summary>
    Timeout,
}
