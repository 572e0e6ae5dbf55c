using Tradewind.Configuration.Settings;

namespace Tradewind.Jobs.Tests;

public sealed class ObjectStorageConfigurationTests
{
    [Fact]
    public void The_defaults_mean_aws_s3_with_the_default_credential_chain()
    {
        var options = ObjectStorageConfiguration.ToOptions(new ObjectStorageSettings());

        Assert.Null(options.EndpointUrl);
        Assert.Null(options.AccessKeyId);
        Assert.Null(options.SecretAccessKey);
        Assert.Equal("us-east-1", options.Region);
        Assert.Equal((TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(30), 2, TimeSpan.FromMinutes(2)), (options.ConnectTimeout, options.RequestTimeout, options.MaxRetries, options.OperationTimeout));
        options.Validate();
    }

    [Fact]
    public void Every_setting_is_carried_over()
    {
        var options = ObjectStorageConfiguration.ToOptions(new ObjectStorageSettings
        {
            EndpointUrl = " http://127.0.0.1:9000 ",
            Region = "eu-west-1",
            AccessKeyId = "AKIAEXAMPLE",
            SecretAccessKey = "secret-secret",
            ForcePathStyle = false,
            ConnectTimeoutSeconds = 1,
            RequestTimeoutSeconds = 5,
            MaxRetries = 0,
            OperationTimeoutSeconds = 9,
        });

        Assert.Equal("http://127.0.0.1:9000", options.EndpointUrl);
        Assert.Equal(("eu-west-1", "AKIAEXAMPLE", "secret-secret", false), (options.Region, options.AccessKeyId, options.SecretAccessKey, options.ForcePathStyle));
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 0, TimeSpan.FromSeconds(9)), (options.ConnectTimeout, options.RequestTimeout, options.MaxRetries, options.OperationTimeout));
        Assert.DoesNotContain("secret-secret", options.ToString(), StringComparison.Ordinal);
    }
}
