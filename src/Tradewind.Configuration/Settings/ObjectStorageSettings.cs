namespace Tradewind.Configuration.Settings;

/// <summary><c>object_storage</c>: the S3 or S3-compatible server that <c>s3://bucket/key</c> outputs are uploaded to.</summary>
public sealed record ObjectStorageSettings
{
    /// <summary>The service URL of an S3-compatible server; empty for AWS S3.</summary>
    [Setting("Service URL of an S3-compatible server, e.g. http://127.0.0.1:9000 (absolute http/https); empty for AWS S3, whose endpoint region picks.")]
    public string EndpointUrl { get; init; } = "";

    /// <summary>The AWS region, or the region other servers sign requests with.</summary>
    [Setting("AWS region; for other servers, the region requests are signed with.", NotEmpty = true)]
    public string Region { get; init; } = "us-east-1";

    /// <summary>The access key id; empty (with an empty secret) for the AWS SDK's default credential chain.</summary>
    [Setting("Access key id (reference ${TRADEWIND_S3_ACCESS_KEY_ID}); leave it and secret_access_key empty to use the AWS SDK's default credential chain (environment, profile, instance role).")]
    public string AccessKeyId { get; init; } = "";

    /// <summary>The secret access key (a secret).</summary>
    [Setting("Secret access key (secret: reference ${TRADEWIND_S3_SECRET_ACCESS_KEY}); set together with access_key_id.")]
    public string SecretAccessKey { get; init; } = "";

    /// <summary>Path-style addressing (endpoint/bucket/key), which most self-hosted servers need.</summary>
    [Setting("Address objects as endpoint/bucket/key (most self-hosted servers need it) instead of bucket.endpoint/key.")]
    public bool ForcePathStyle { get; init; } = true;

    /// <summary>Seconds establishing one connection may take.</summary>
    [Setting("Seconds establishing one connection may take.", Minimum = 1, Maximum = 600)]
    public int ConnectTimeoutSeconds { get; init; } = 3;

    /// <summary>Seconds one HTTP attempt may take.</summary>
    [Setting("Seconds one HTTP attempt may take.", Minimum = 1, Maximum = 3600)]
    public int RequestTimeoutSeconds { get; init; } = 30;

    /// <summary>Retries of a failed attempt.</summary>
    [Setting("Retries of a failed attempt (the SDK's standard retry mode, with backoff).", Minimum = 0, Maximum = 10)]
    public int MaxRetries { get; init; } = 2;

    /// <summary>Seconds one whole upload may take, retries included.</summary>
    [Setting("Seconds one whole operation may take, retries included.", Minimum = 1, Maximum = 86400)]
    public int OperationTimeoutSeconds { get; init; } = 120;
}
