using System.Globalization;

namespace Tradewind.Data.ObjectStorage;

/// <summary>
/// How to reach S3-compatible object storage: the endpoint (null for AWS itself), region, credentials
/// and the time budget. <see cref="ToString"/> never prints the secret access key.
/// </summary>
public sealed record ObjectStorageOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "ObjectStorage";

    /// <summary>
    /// The service URL of an S3-compatible server (for example <c>http://127.0.0.1:9000</c>); null or empty
    /// for AWS S3, where <see cref="Region"/> picks the endpoint.
    /// </summary>
    public string? EndpointUrl { get; init; }

    /// <summary>The region used to pick the AWS endpoint and to sign requests; default <c>us-east-1</c>.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The access key id; with <see cref="SecretAccessKey"/> null, the SDK's default credential chain is used.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>The secret access key. Never printed: <see cref="ToString"/> and error messages mask it.</summary>
    public string? SecretAccessKey { get; init; }

    /// <summary>
    /// Address buckets as <c>endpoint/bucket/key</c> rather than <c>bucket.endpoint/key</c>; most
    /// self-hosted S3-compatible servers need it. Default true.
    /// </summary>
    public bool ForcePathStyle { get; init; } = true;

    /// <summary>How long one attempt may take, connecting included; default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long establishing a connection may take; default 3 seconds.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How many times the SDK retries a failed attempt (standard retry mode); default 2.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>The budget for one whole operation, retries included; default 2 minutes.</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How the endpoint is named in messages: the URL, or AWS S3 with its region.</summary>
    public string EndpointDisplay =>
        string.IsNullOrWhiteSpace(EndpointUrl) ? $"AWS S3 ({Region})" : EndpointUrl.TrimEnd('/');

    /// <summary>The options with the secret masked, for logs and messages.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"ObjectStorageOptions {{ Endpoint = {EndpointDisplay}, Region = {Region}, AccessKeyId = {MaskAccessKeyId(AccessKeyId)}, SecretAccessKey = {(string.IsNullOrEmpty(SecretAccessKey) ? "(none)" : "***")}, ForcePathStyle = {ForcePathStyle}, RequestTimeout = {RequestTimeout}, ConnectTimeout = {ConnectTimeout}, MaxRetries = {MaxRetries}, OperationTimeout = {OperationTimeout} }}");

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    /// <exception cref="ArgumentException">A setting is out of range or only one of the two keys is set.</exception>
    public void Validate()
    {
        if (!string.IsNullOrWhiteSpace(EndpointUrl)
            && (!Uri.TryCreate(EndpointUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            throw new ArgumentException($"ObjectStorage:EndpointUrl '{EndpointUrl}' is not an absolute http:// or https:// URL.");
        }

        if (string.IsNullOrWhiteSpace(Region))
        {
            throw new ArgumentException("ObjectStorage:Region is empty.");
        }

        if (string.IsNullOrEmpty(AccessKeyId) != string.IsNullOrEmpty(SecretAccessKey))
        {
            throw new ArgumentException("ObjectStorage:AccessKeyId and ObjectStorage:SecretAccessKey must be set together (or both left out to use the default AWS credential chain).");
        }

        if (RequestTimeout <= TimeSpan.Zero || ConnectTimeout <= TimeSpan.Zero || OperationTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("ObjectStorage timeouts must be positive.");
        }

        if (MaxRetries is < 0 or > 10)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"ObjectStorage:MaxRetries {MaxRetries} must be between 0 and 10."));
        }
    }

    /// <summary>Masks an access key id to its first four characters, e.g. <c>AKIA****</c>.</summary>
    internal static string MaskAccessKeyId(string? accessKeyId) =>
        string.IsNullOrEmpty(accessKeyId) ? "(default chain)"
        : accessKeyId.Length <= 4 ? "****"
        : accessKeyId[..4] + "****";
}
