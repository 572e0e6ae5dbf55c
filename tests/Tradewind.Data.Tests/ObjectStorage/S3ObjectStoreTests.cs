using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Amazon.S3.Model;
using Tradewind.Data.ObjectStorage;
using Tradewind.Testing;

namespace Tradewind.Data.Tests.ObjectStorage;

/// <summary>Against a local moto_server started once for the assembly (see <see cref="MotoServer"/>).</summary>
public sealed class S3ObjectStoreTests(MotoServer moto)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    private ObjectStorageOptions Options => new()
    {
        EndpointUrl = moto.EndpointUrl,
        AccessKeyId = moto.AccessKeyId,
        SecretAccessKey = moto.SecretAccessKey,
        ForcePathStyle = true,
    };

    private async Task<string> CreateBucketAsync()
    {
        moto.Require();
        var bucket = moto.NewBucketName();
        using var client = S3ObjectStore.CreateClient(Options);
        await client.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, Cancel);
        return bucket;
    }

    [Fact]
    public void The_server_answered_http_after_starting()
    {
        moto.Require();
        TestContext.Current.TestOutputHelper?.WriteLine($"{moto.Command} answered after {moto.StartupTime.TotalMilliseconds:0} ms");
        Assert.True(moto.StartupTime < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Put_then_get_round_trips_the_bytes_exactly()
    {
        var bucket = await CreateBucketAsync();
        using var store = new S3ObjectStore(Options);
        var location = ObjectStorageLocation.Create(bucket, "backtests/spy/trades.csv");
        byte[] content = [.. "date,side,qty\n2024-01-02,buy,10\n"u8, 0, 0xFF, 0x80, (byte)'\r', (byte)'\n'];

        Assert.False(await store.ExistsAsync(location, Cancel));
        await store.PutAsync(location, content, "text/csv", Cancel);

        Assert.True(await store.ExistsAsync(location, Cancel));
        Assert.Equal(content, await store.GetAsync(location, Cancel));
    }

    [Fact]
    public async Task A_five_megabyte_object_round_trips_from_a_stream()
    {
        var bucket = await CreateBucketAsync();
        using var store = new S3ObjectStore(Options);
        var location = ObjectStorageLocation.Create(bucket, "big/equity.bin");
        var content = new byte[(5 * 1024 * 1024) + 17];
        new Random(20240102).NextBytes(content);

        using (var stream = new MemoryStream(content))
        {
            await store.PutAsync(location, stream, cancellationToken: Cancel);
            Assert.True(stream.CanRead, "the caller's stream is left open");
        }

        var back = await store.GetAsync(location, Cancel);
        Assert.Equal(content.Length, back.Length);
        Assert.True(content.AsSpan().SequenceEqual(back), "downloaded bytes differ from the uploaded ones");
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_uploaded_whole()
    {
        var bucket = await CreateBucketAsync();
        using var store = new S3ObjectStore(Options);
        var location = ObjectStorageLocation.Create(bucket, "piped.jsonl");
        var content = "{\"a\":1}\n{\"a\":2}\n"u8.ToArray();

        await using (var stream = new ForwardOnlyStream(content))
        {
            await store.PutAsync(location, stream, "application/x-ndjson", Cancel);
        }

        Assert.Equal(content, await store.GetAsync(location, Cancel));
    }

    [Fact]
    public async Task Put_replaces_an_existing_object()
    {
        var bucket = await CreateBucketAsync();
        using var store = new S3ObjectStore(Options);
        var location = ObjectStorageLocation.Create(bucket, "summary.json");

        await store.PutAsync(location, "{\"run\":1,\"long\":\"xxxxxxxxxxxxxxxx\"}"u8.ToArray(), "application/json", Cancel);
        await store.PutAsync(location, "{\"run\":2}"u8.ToArray(), "application/json", Cancel);

        Assert.Equal("{\"run\":2}"u8.ToArray(), await store.GetAsync(location, Cancel));
    }

    [Fact]
    public async Task Getting_a_missing_object_is_an_error_naming_the_url_and_endpoint()
    {
        var bucket = await CreateBucketAsync();
        using var store = new S3ObjectStore(Options);
        var location = ObjectStorageLocation.Create(bucket, "nothing/here.csv");

        var failure = await Assert.ThrowsAsync<ObjectStorageException>(() => store.GetAsync(location, Cancel));

        Assert.Equal(ObjectStorageFailure.ObjectNotFound, failure.Failure);
        Assert.Equal(location, failure.Location);
        Assert.Contains($"s3://{bucket}/nothing/here.csv", failure.Message, StringComparison.Ordinal);
        Assert.Contains(moto.EndpointUrl, failure.Message, StringComparison.Ordinal);
        Assert.Contains("NoSuchKey", failure.Message, StringComparison.Ordinal);
        AssertNoSecret(failure);
    }

    [Fact]
    public async Task A_missing_bucket_is_an_error_naming_the_bucket_and_how_to_create_it()
    {
        moto.Require();
        using var store = new S3ObjectStore(Options);
        var bucket = moto.NewBucketName("missing");
        var location = ObjectStorageLocation.Create(bucket, "run.csv");

        var put = await Assert.ThrowsAsync<ObjectStorageException>(() => store.PutAsync(location, [1, 2, 3], cancellationToken: Cancel));
        var get = await Assert.ThrowsAsync<ObjectStorageException>(() => store.GetAsync(location, Cancel));
        var exists = await Assert.ThrowsAsync<ObjectStorageException>(() => store.ExistsAsync(location, Cancel));

        foreach (var failure in new[] { put, get, exists })
        {
            Assert.Equal(ObjectStorageFailure.BucketNotFound, failure.Failure);
            Assert.Contains($"s3://{bucket}/run.csv", failure.Message, StringComparison.Ordinal);
            Assert.Contains(moto.EndpointUrl, failure.Message, StringComparison.Ordinal);
            Assert.Contains("NoSuchBucket", failure.Message, StringComparison.Ordinal);
            Assert.Contains($"Create the bucket '{bucket}'", failure.Message, StringComparison.Ordinal);
            Assert.Contains($"aws s3 mb s3://{bucket} --endpoint-url {moto.EndpointUrl}", failure.Message, StringComparison.Ordinal);
            AssertNoSecret(failure);
        }

        Assert.StartsWith($"Could not upload s3://{bucket}/run.csv to object storage at {moto.EndpointUrl}: HTTP 404 NoSuchBucket", put.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_endpoint_fails_within_seconds_naming_the_url_and_endpoint_without_the_secret()
    {
        var port = ClosedLoopbackPort();
        var endpoint = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        using var store = new S3ObjectStore(Options with { EndpointUrl = endpoint });
        var location = ObjectStorageLocation.Parse("s3://results/backtests/run.csv");

        var stopwatch = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<ObjectStorageException>(() => store.PutAsync(location, [1, 2, 3], cancellationToken: Cancel));
        stopwatch.Stop();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
        Assert.Equal(ObjectStorageFailure.Unreachable, failure.Failure);
        Assert.Contains("s3://results/backtests/run.csv", failure.Message, StringComparison.Ordinal);
        Assert.Contains(endpoint, failure.Message, StringComparison.Ordinal);
        Assert.Contains("refused", failure.Message, StringComparison.OrdinalIgnoreCase);
        AssertNoSecret(failure);
    }

    [Fact]
    public async Task A_server_that_never_answers_fails_when_the_operation_budget_is_spent()
    {
        // Accepts connections but never answers: only the time budget can end the call.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var endpoint = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}");
        using var store = new S3ObjectStore(Options with
        {
            EndpointUrl = endpoint,
            OperationTimeout = TimeSpan.FromSeconds(1.5),
            RequestTimeout = TimeSpan.FromSeconds(10),
        });
        var location = ObjectStorageLocation.Parse("s3://results/run.csv");

        var stopwatch = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<ObjectStorageException>(() => store.GetAsync(location, Cancel));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(8), $"took {stopwatch.Elapsed}");
        Assert.Equal(ObjectStorageFailure.Timeout, failure.Failure);
        Assert.Contains("ObjectStorage:OperationTimeout", failure.Message, StringComparison.Ordinal);
        Assert.Contains(endpoint, failure.Message, StringComparison.Ordinal);
        AssertNoSecret(failure);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_reported_as_a_storage_failure()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var endpoint = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}");
        using var store = new S3ObjectStore(Options with { EndpointUrl = endpoint });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => store.GetAsync(ObjectStorageLocation.Parse("s3://results/run.csv"), cancel.Token));
    }

    private void AssertNoSecret(ObjectStorageException failure)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(failure.Message);
        Assert.DoesNotContain(moto.SecretAccessKey, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(moto.SecretAccessKey, failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(moto.AccessKeyId, failure.Message, StringComparison.Ordinal);
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class ForwardOnlyStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
