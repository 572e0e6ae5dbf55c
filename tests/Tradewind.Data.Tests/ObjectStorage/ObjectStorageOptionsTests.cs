using Tradewind.Data.ObjectStorage;

namespace Tradewind.Data.Tests.ObjectStorage;

public sealed class ObjectStorageOptionsTests
{
    [Fact]
    public void ToString_masks_the_secret_and_most_of_the_access_key()
    {
        var options = new ObjectStorageOptions
        {
            EndpointUrl = "http://127.0.0.1:9000",
            AccessKeyId = "AKIAEXAMPLE123",
            SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        };

        var text = options.ToString();

        Assert.DoesNotContain("wJalrXUtnFEMI", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAEXAMPLE123", text, StringComparison.Ordinal);
        Assert.Contains("SecretAccessKey = ***", text, StringComparison.Ordinal);
        Assert.Contains("AccessKeyId = AKIA****", text, StringComparison.Ordinal);
        Assert.Contains("Endpoint = http://127.0.0.1:9000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_endpoint_the_endpoint_is_aws_in_the_region()
    {
        Assert.Equal("AWS S3 (eu-west-1)", new ObjectStorageOptions { Region = "eu-west-1" }.EndpointDisplay);
    }

    [Theory]
    [InlineData("ftp://example.com", null, null, "EndpointUrl")]
    [InlineData("not a url", null, null, "EndpointUrl")]
    [InlineData(null, "AKIA1234", null, "must be set together")]
    [InlineData(null, null, "secret", "must be set together")]
    public void Validate_names_the_bad_setting(string? endpoint, string? accessKeyId, string? secret, string expected)
    {
        var options = new ObjectStorageOptions { EndpointUrl = endpoint, AccessKeyId = accessKeyId, SecretAccessKey = secret };

        var failure = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        if (secret is not null)
        {
            Assert.DoesNotContain(secret, failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_rejects_non_positive_timeouts_and_too_many_retries()
    {
        Assert.Throws<ArgumentException>(new ObjectStorageOptions { OperationTimeout = TimeSpan.Zero }.Validate);
        Assert.Throws<ArgumentException>(new ObjectStorageOptions { MaxRetries = -1 }.Validate);
        new ObjectStorageOptions().Validate();
    }
}
