using Tradewind.Data.ObjectStorage;

namespace Tradewind.Data.Tests.ObjectStorage;

public sealed class ObjectStorageLocationTests
{
    [Theory]
    [InlineData("s3://results/run.csv", "results", "run.csv")]
    [InlineData("s3://my-bucket.v2/backtests/2024/spy sma.json", "my-bucket.v2", "backtests/2024/spy sma.json")]
    [InlineData("s3://abc/a/b/c/d", "abc", "a/b/c/d")]
    [InlineData("s3://123/x", "123", "x")]
    public void Parses_a_bucket_and_a_key(string url, string bucket, string key)
    {
        var location = ObjectStorageLocation.Parse(url);

        Assert.Equal(bucket, location.Bucket);
        Assert.Equal(key, location.Key);
        Assert.Equal(url, location.ToString());
        Assert.True(ObjectStorageLocation.TryParse(url, out var again));
        Assert.Equal(location, again);
    }

    [Theory]
    [InlineData("results/run.csv", "expected s3://bucket/key")]
    [InlineData("https://results/run.csv", "expected s3://bucket/key")]
    [InlineData("S3://results/run.csv", "scheme must be lowercase")]
    [InlineData("s3://", "bucket name is empty")]
    [InlineData("s3:///run.csv", "bucket name is empty")]
    [InlineData("s3://results", "object key is empty")]
    [InlineData("s3://results/", "object key is empty")]
    [InlineData("s3://results//run.csv", "key starts with '/'")]
    [InlineData("s3://results/out/", "names a folder")]
    [InlineData("s3://ab/run.csv", "3 to 63 characters")]
    [InlineData("s3://Results/run.csv", "uppercase")]
    [InlineData("s3://my_bucket/run.csv", "contains '_'")]
    [InlineData("s3://-results/run.csv", "start and end with a letter or digit")]
    [InlineData("s3://results-/run.csv", "start and end with a letter or digit")]
    [InlineData("s3://re..sults/run.csv", "two adjacent dots")]
    [InlineData("s3://re.-sults/run.csv", "dot next to a hyphen")]
    [InlineData("s3://192.168.1.10/run.csv", "IP address")]
    [InlineData("s3://xn--results/run.csv", "reserved")]
    [InlineData("s3://results-s3alias/run.csv", "reserved")]
    [InlineData("s3://results/run\n.csv", "control character")]
    public void Rejects_a_bad_url_with_a_message_that_says_why(string url, string expected)
    {
        var failure = Assert.Throws<FormatException>(() => ObjectStorageLocation.Parse(url));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.False(ObjectStorageLocation.TryParse(url, out var location));
        Assert.Null(location);
    }

    [Fact]
    public void Rejects_a_bucket_name_longer_than_63_characters()
    {
        var failure = Assert.Throws<FormatException>(() => ObjectStorageLocation.Parse("s3://" + new string('a', 64) + "/k"));

        Assert.Contains("(it has 64)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(63, ObjectStorageLocation.Parse("s3://" + new string('a', 63) + "/k").Bucket.Length);
    }

    [Fact]
    public void Rejects_a_key_longer_than_1024_bytes()
    {
        Assert.Throws<FormatException>(() => ObjectStorageLocation.Parse("s3://results/" + new string('k', 1025)));
        Assert.Equal(1024, ObjectStorageLocation.Parse("s3://results/" + new string('k', 1024)).Key.Length);
    }

    [Fact]
    public void Create_applies_the_same_rules()
    {
        Assert.Equal("s3://results/a/b.csv", ObjectStorageLocation.Create("results", "a/b.csv").ToString());
        Assert.Throws<FormatException>(() => ObjectStorageLocation.Create("Results", "a.csv"));
        Assert.Throws<FormatException>(() => ObjectStorageLocation.Create("results", string.Empty));
    }

    [Theory]
    [InlineData("s3://results/x", true)]
    [InlineData("S3://results/x", true)]
    [InlineData("results/x.csv", false)]
    [InlineData(null, false)]
    public void Recognises_an_object_storage_url_by_its_scheme(string? value, bool expected) =>
        Assert.Equal(expected, ObjectStorageLocation.IsObjectStorageUrl(value));
}
