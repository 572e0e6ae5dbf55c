using Tradewind.Configuration.Settings;
using Tradewind.Data.ObjectStorage;

namespace Tradewind.Jobs;

/// <summary>The configuration's <c>object_storage</c> section as the <see cref="ObjectStorageOptions"/> an <see cref="S3ObjectStore"/> takes.</summary>
public static class ObjectStorageConfiguration
{
    /// <summary>The options of <paramref name="settings"/>: empty strings mean "not set" (AWS S3, the SDK's default credentials).</summary>
    public static ObjectStorageOptions ToOptions(ObjectStorageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ObjectStorageOptions
        {
            EndpointUrl = string.IsNullOrWhiteSpace(settings.EndpointUrl) ? null : settings.EndpointUrl.Trim(),
            Region = settings.Region,
            AccessKeyId = string.IsNullOrEmpty(settings.AccessKeyId) ? null : settings.AccessKeyId,
            SecretAccessKey = string.IsNullOrEmpty(settings.SecretAccessKey) ? null : settings.SecretAccessKey,
            ForcePathStyle = settings.ForcePathStyle,
            ConnectTimeout = TimeSpan.FromSeconds(settings.ConnectTimeoutSeconds),
            RequestTimeout = TimeSpan.FromSeconds(settings.RequestTimeoutSeconds),
            MaxRetries = settings.MaxRetries,
            OperationTimeout = TimeSpan.FromSeconds(settings.OperationTimeoutSeconds),
        };
    }
}
