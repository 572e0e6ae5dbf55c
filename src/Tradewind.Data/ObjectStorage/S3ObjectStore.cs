using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Tradewind.Data.ObjectStorage;

/// <summary>
/// Puts, gets and checks objects in S3 or an S3-compatible server. Every failure (unreachable endpoint,
/// missing bucket or object, refused credentials, time budget spent) surfaces as one
/// <see cref="ObjectStorageException"/> whose message names the <c>s3://</c> URL, the endpoint and the
/// reason, with the credentials masked.
/// </summary>
public sealed class S3ObjectStore : IDisposable
{
    private const string DefaultContentType = "application/octet-stream";

    private readonly ObjectStorageOptions _options;
    private readonly AmazonS3Client _client;

    /// <summary>Creates a store for <paramref name="options"/> (validated here).</summary>
    /// <param name="options">Endpoint, region, credentials and time budget.</param>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public S3ObjectStore(ObjectStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _client = CreateClient(options);
    }

    /// <summary>The options the store was created with.</summary>
    public ObjectStorageOptions Options => _options;

    /// <summary>
    /// Creates an SDK client configured like the store (endpoint, path style, timeouts, retries, checksums
    /// only when required so that S3-compatible servers work). For administrative tasks such as creating a bucket.
    /// </summary>
    /// <param name="options">Endpoint, region, credentials and time budget.</param>
    /// <returns>A new client; the caller disposes it.</returns>
    public static AmazonS3Client CreateClient(ObjectStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            Timeout = options.RequestTimeout,
            ConnectTimeout = options.ConnectTimeout,
            MaxErrorRetry = options.MaxRetries,
            RetryMode = RequestRetryMode.Standard,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(options.EndpointUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.EndpointUrl;
            config.AuthenticationRegion = options.Region;
        }

        return string.IsNullOrEmpty(options.AccessKeyId)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey), config);
    }

    /// <summary>Uploads <paramref name="content"/> to <paramref name="location"/>, replacing any object there.</summary>
    /// <param name="location">Where to put the object.</param>
    /// <param name="content">The bytes to store.</param>
    /// <param name="contentType">The MIME type; default <c>application/octet-stream</c>.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <exception cref="ObjectStorageException">The upload failed; the message says why.</exception>
    public async Task PutAsync(ObjectStorageLocation location, byte[] content, string? contentType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream(content, writable: false);
        await PutCoreAsync(location, stream, contentType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Uploads the rest of <paramref name="content"/> to <paramref name="location"/>, replacing any object
    /// there. The stream is not closed. A stream that cannot seek is buffered in memory first so that a
    /// retried attempt sends the same bytes.
    /// </summary>
    /// <param name="location">Where to put the object.</param>
    /// <param name="content">The bytes to store, from the current position.</param>
    /// <param name="contentType">The MIME type; default <c>application/octet-stream</c>.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <exception cref="ObjectStorageException">The upload failed; the message says why.</exception>
    public async Task PutAsync(ObjectStorageLocation location, Stream content, string? contentType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.CanSeek)
        {
            await PutCoreAsync(location, content, contentType, cancellationToken).ConfigureAwait(false);
            return;
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        await PutCoreAsync(location, buffer, contentType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Downloads the object at <paramref name="location"/>.</summary>
    /// <param name="location">The object to read.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The object's bytes.</returns>
    /// <exception cref="ObjectStorageException">
    /// The download failed; <see cref="ObjectStorageFailure.ObjectNotFound"/> when there is no such object.
    /// </exception>
    public Task<byte[]> GetAsync(ObjectStorageLocation location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        return RunAsync("download", "from", location, async ct =>
        {
            using var response = await _client.GetObjectAsync(location.Bucket, location.Key, ct).ConfigureAwait(false);
            var length = response.ContentLength;
            using var buffer = length is > 0 and <= int.MaxValue ? new MemoryStream((int)length) : new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, ct).ConfigureAwait(false);
            return buffer.ToArray();
        }, cancellationToken);
    }

    /// <summary>
    /// True when an object exists at <paramref name="location"/>. A missing bucket is an error, not false.
    /// </summary>
    /// <param name="location">The object to look for.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Whether the object exists.</returns>
    /// <exception cref="ObjectStorageException">The check failed (bucket missing, access denied, endpoint unreachable...).</exception>
    public Task<bool> ExistsAsync(ObjectStorageLocation location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        return RunAsync("check", "in", location, async ct =>
        {
            try
            {
                await _client.GetObjectMetadataAsync(location.Bucket, location.Key, ct).ConfigureAwait(false);
                return true;
            }
            catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                // A HEAD answer has no body, so a missing bucket looks like a missing object; a listing tells them apart.
                await _client.ListObjectsV2Async(
                    new ListObjectsV2Request { BucketName = location.Bucket, Prefix = location.Key, MaxKeys = 1 }, ct).ConfigureAwait(false);
                return false;
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private async Task PutCoreAsync(ObjectStorageLocation location, Stream content, string? contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        await RunAsync("upload", "to", location, async ct =>
        {
            var request = new PutObjectRequest
            {
                BucketName = location.Bucket,
                Key = location.Key,
                ContentType = string.IsNullOrWhiteSpace(contentType) ? DefaultContentType : contentType,
                AutoCloseStream = false,
                InputStream = content,
            };

            await _client.PutObjectAsync(request, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> RunAsync<T>(
        string verb, string preposition, ObjectStorageLocation location, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(_options.OperationTimeout);
        try
        {
            return await operation(budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = budget.IsCancellationRequested
                ? string.Create(CultureInfo.InvariantCulture,
                    $"no answer within {_options.OperationTimeout.TotalSeconds:0.###} s (ObjectStorage:OperationTimeout)")
                : string.Create(CultureInfo.InvariantCulture,
                    $"a request took longer than {_options.RequestTimeout.TotalSeconds:0.###} s (ObjectStorage:RequestTimeout)");
            throw Failure(ObjectStorageFailure.Timeout, verb, preposition, location, reason, ex);
        }
        catch (AmazonS3Exception ex)
        {
            var (failure, reason) = Classify(ex, verb);
            throw Failure(failure, verb, preposition, location, reason, ex);
        }
        catch (Exception ex) when (ex is AmazonClientException or HttpRequestException or IOException or SocketException or TimeoutException)
        {
            var (failure, reason) = Classify(ex);
            throw Failure(failure, verb, preposition, location, reason, ex);
        }
    }

    private static (ObjectStorageFailure Failure, string Reason) Classify(AmazonS3Exception ex, string verb)
    {
        var status = (int)ex.StatusCode;
        var code = string.IsNullOrEmpty(ex.ErrorCode) ? ex.StatusCode.ToString() : ex.ErrorCode;
        var message = string.IsNullOrWhiteSpace(ex.Message) ? code : ex.Message.Trim();
        var reason = string.Create(CultureInfo.InvariantCulture, $"HTTP {status} {code}: {message}");
        var failure = code switch
        {
            "NoSuchBucket" => ObjectStorageFailure.BucketNotFound,
            "NoSuchKey" => ObjectStorageFailure.ObjectNotFound,
            "AccessDenied" or "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "ExpiredToken" or "InvalidToken" => ObjectStorageFailure.AccessDenied,
            _ when ex.StatusCode == HttpStatusCode.Forbidden => ObjectStorageFailure.AccessDenied,
            _ when ex.StatusCode == HttpStatusCode.NotFound && verb == "download" => ObjectStorageFailure.ObjectNotFound,
            _ => ObjectStorageFailure.Other,
        };
        return (failure, reason);
    }

    private static (ObjectStorageFailure Failure, string Reason) Classify(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException socket:
                    return (ObjectStorageFailure.Unreachable, $"cannot connect: {socket.Message} ({socket.SocketErrorCode})");
                case HttpRequestException http:
                    var detail = Innermost(http).Message;
                    return (ObjectStorageFailure.Unreachable,
                        http.Message.Contains(detail, StringComparison.Ordinal) ? http.Message : $"{http.Message} ({detail})");
                case TimeoutException timeout:
                    return (ObjectStorageFailure.Timeout, timeout.Message);
                default:
                    break;
            }
        }

        return (ObjectStorageFailure.Other, $"{ex.GetType().Name}: {ex.Message}");
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }

    private ObjectStorageException Failure(
        ObjectStorageFailure failure, string verb, string preposition, ObjectStorageLocation location, string reason, Exception inner)
    {
        var endpoint = _options.EndpointDisplay;
        reason = Mask(reason).Trim().TrimEnd('.');
        var hint = failure switch
        {
            ObjectStorageFailure.BucketNotFound =>
                $" Create the bucket '{location.Bucket}' first (for example: aws s3 mb s3://{location.Bucket}"
                + (string.IsNullOrWhiteSpace(_options.EndpointUrl) ? ")." : $" --endpoint-url {endpoint})."),
            ObjectStorageFailure.AccessDenied =>
                $" Check ObjectStorage:AccessKeyId and ObjectStorage:SecretAccessKey (access key {ObjectStorageOptions.MaskAccessKeyId(_options.AccessKeyId)}) and the bucket's permissions.",
            ObjectStorageFailure.Unreachable => " Check ObjectStorage:EndpointUrl and that the server is running.",
            _ => string.Empty,
        };
        var message = Mask($"Could not {verb} {location} {preposition} object storage at {endpoint}: {reason}.{hint}");
        return new ObjectStorageException(failure, location, endpoint, reason, message, inner);
    }

    private string Mask(string text)
    {
        if (!string.IsNullOrEmpty(_options.SecretAccessKey))
        {
            text = text.Replace(_options.SecretAccessKey, "***", StringComparison.Ordinal);
        }

        if (!string.IsNullOrEmpty(_options.AccessKeyId))
        {
            text = text.Replace(_options.AccessKeyId, ObjectStorageOptions.MaskAccessKeyId(_options.AccessKeyId), StringComparison.Ordinal);
        }

        return text;
    }
}
