using System.Globalization;

namespace Tradewind.Data.ObjectStorage;

/// <summary>
/// Where one object lives in S3-compatible storage, written <c>s3://bucket/key/path</c>. Parsing is strict:
/// the bucket follows the S3 bucket naming rules and the key is not empty, so a typo fails at start-up
/// with a message that says what is wrong instead of at upload time.
/// </summary>
public sealed record ObjectStorageLocation
{
    /// <summary>The URL scheme, including the separator.</summary>
    public const string Scheme = "s3://";

    private const int MaxKeyBytes = 1024;

    private ObjectStorageLocation(string bucket, string key)
    {
        Bucket = bucket;
        Key = key;
    }

    /// <summary>The bucket name (3 to 63 characters: lowercase letters, digits, dots and hyphens).</summary>
    public string Bucket { get; }

    /// <summary>The object key inside the bucket, without a leading slash; never empty.</summary>
    public string Key { get; }

    /// <summary>True when <paramref name="value"/> starts with <c>s3://</c> (any case), i.e. is meant as an object storage URL.</summary>
    /// <param name="value">An output path or URL.</param>
    public static bool IsObjectStorageUrl(string? value) =>
        value is not null && value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses <c>s3://bucket/key</c>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    /// <param name="url">The URL to parse.</param>
    /// <exception cref="FormatException">The URL is not a valid <c>s3://bucket/key</c> URL.</exception>
    public static ObjectStorageLocation Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var error = TryParseCore(url, out var location);
        return error is null ? location! : throw new FormatException(error);
    }

    /// <summary>Parses <c>s3://bucket/key</c> without throwing.</summary>
    /// <param name="url">The URL to parse.</param>
    /// <param name="location">The parsed location, or null.</param>
    /// <returns>True when <paramref name="url"/> is a valid object storage URL.</returns>
    public static bool TryParse(string? url, out ObjectStorageLocation? location)
    {
        if (url is null)
        {
            location = null;
            return false;
        }

        return TryParseCore(url, out location) is null;
    }

    /// <summary>Creates a location from a bucket and a key, with the same checks as <see cref="Parse"/>.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="key">The object key.</param>
    /// <exception cref="FormatException">The bucket or key is not valid.</exception>
    public static ObjectStorageLocation Create(string bucket, string key)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(key);
        return Parse(Scheme + bucket + "/" + key);
    }

    /// <summary>The location as an <c>s3://bucket/key</c> URL.</summary>
    /// <returns>The URL.</returns>
    public override string ToString() => Scheme + Bucket + "/" + Key;

    private static string? TryParseCore(string url, out ObjectStorageLocation? location)
    {
        location = null;
        if (!url.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return url.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
                ? $"'{url}' is not an object storage URL: the scheme must be lowercase 's3://'."
                : $"'{url}' is not an object storage URL: expected s3://bucket/key.";
        }

        var rest = url[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var key = slash < 0 ? string.Empty : rest[(slash + 1)..];
        var bucketError = BucketNameError(bucket);
        if (bucketError is not null)
        {
            return $"'{url}' is not a valid object storage URL: {bucketError}";
        }

        if (key.Length == 0)
        {
            return $"'{url}' is not a valid object storage URL: the object key is empty (expected s3://{bucket}/path/to/object).";
        }

        if (key.StartsWith('/'))
        {
            return $"'{url}' is not a valid object storage URL: the object key starts with '/' (write s3://{bucket}/{key.TrimStart('/')}).";
        }

        if (key.EndsWith('/'))
        {
            return $"'{url}' is not a valid object storage URL: the object key ends with '/', which names a folder, not an object.";
        }

        if (System.Text.Encoding.UTF8.GetByteCount(key) > MaxKeyBytes)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"'{url}' is not a valid object storage URL: the object key is longer than {MaxKeyBytes} bytes.");
        }

        foreach (var c in key)
        {
            if (char.IsControl(c))
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"'{url}' is not a valid object storage URL: the object key contains the control character U+{(int)c:X4}.");
            }
        }

        location = new ObjectStorageLocation(bucket, key);
        return null;
    }

    private static string? BucketNameError(string bucket)
    {
        if (bucket.Length == 0)
        {
            return "the bucket name is empty (expected s3://bucket/key).";
        }

        if (bucket.Length is < 3 or > 63)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"bucket name '{bucket}' must be 3 to 63 characters long (it has {bucket.Length}).");
        }

        foreach (var c in bucket)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-'))
            {
                return char.IsUpper(c)
                    ? $"bucket name '{bucket}' contains an uppercase letter; bucket names are lowercase."
                    : $"bucket name '{bucket}' contains '{c}'; only lowercase letters, digits, dots and hyphens are allowed.";
            }
        }

        if (!char.IsAsciiLetterOrDigit(bucket[0]) || !char.IsAsciiLetterOrDigit(bucket[^1]))
        {
            return $"bucket name '{bucket}' must start and end with a letter or digit.";
        }

        if (bucket.Contains("..", StringComparison.Ordinal))
        {
            return $"bucket name '{bucket}' contains two adjacent dots.";
        }

        if (bucket.Contains(".-", StringComparison.Ordinal) || bucket.Contains("-.", StringComparison.Ordinal))
        {
            return $"bucket name '{bucket}' has a dot next to a hyphen.";
        }

        if (System.Net.IPAddress.TryParse(bucket, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            && bucket.Split('.').Length == 4)
        {
            return $"bucket name '{bucket}' is formatted as an IP address, which S3 does not allow.";
        }

        if (bucket.StartsWith("xn--", StringComparison.Ordinal) || bucket.StartsWith("sthree-", StringComparison.Ordinal))
        {
            return $"bucket name '{bucket}' uses a prefix reserved by S3 ('xn--' or 'sthree-').";
        }

        if (bucket.EndsWith("-s3alias", StringComparison.Ordinal) || bucket.EndsWith("--ol-s3", StringComparison.Ordinal))
        {
            return $"bucket name '{bucket}' uses a suffix reserved by S3 ('-s3alias' or '--ol-s3').";
        }

        return null;
    }
}
