namespace Tradewind.Data.ObjectStorage;

/// <summary>
/// An object storage operation failed. The message names the <c>s3://</c> URL, the endpoint and the
/// reason given by the service (or the network), and never contains the secret access key.
/// </summary>
public sealed class ObjectStorageException : Exception
{
    /// <summary>Creates an exception with a message only.</summary>
    public ObjectStorageException()
        : this("object storage operation failed")
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public ObjectStorageException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates an exception with a message and the underlying error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public ObjectStorageException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Endpoint = string.Empty;
        Reason = message;
    }

    /// <summary>Creates an exception for a failed operation on <paramref name="location"/>.</summary>
    /// <param name="failure">The kind of failure.</param>
    /// <param name="location">The object the operation was about.</param>
    /// <param name="endpoint">The endpoint, as shown to people.</param>
    /// <param name="reason">The reason, already masked.</param>
    /// <param name="message">The full message, already masked.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public ObjectStorageException(
        ObjectStorageFailure failure, ObjectStorageLocation location, string endpoint, string reason, string message, Exception? innerException)
        : base(message, innerException)
    {
        Failure = failure;
        Location = location;
        Endpoint = endpoint;
        Reason = reason;
    }

    /// <summary>The kind of failure.</summary>
    public ObjectStorageFailure Failure { get; }

    /// <summary>The object the operation was about, when known.</summary>
    public ObjectStorageLocation? Location { get; }

    /// <summary>The endpoint as shown in the message.</summary>
    public string Endpoint { get; }

    /// <summary>The reason from the service or the network, credentials masked.</summary>
    public string Reason { get; }
}
