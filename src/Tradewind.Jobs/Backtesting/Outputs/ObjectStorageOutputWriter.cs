using System.Text;
using Tradewind.Core.Engine;
using Tradewind.Data.ObjectStorage;

namespace Tradewind.Jobs.Backtesting.Outputs;

/// <summary>
/// Uploads a <see cref="BacktestDocument"/> to an <c>s3://bucket/key</c> location through <see cref="S3ObjectStore"/>. The
/// object appears whole or not at all (S3 puts are atomic); a failure is an <see cref="ObjectStorageException"/> naming
/// the URL, the endpoint and the reason.
/// </summary>
/// <param name="document">What to upload.</param>
/// <param name="location">Where.</param>
/// <param name="store">The store, shared by a run's uploads and created on first use.</param>
public sealed class ObjectStorageOutputWriter(BacktestDocument document, ObjectStorageLocation location, Func<S3ObjectStore> store) : IBacktestOutputWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>What is uploaded.</summary>
    public BacktestDocument Document { get; } = document ?? throw new ArgumentNullException(nameof(document));

    /// <summary>Where it is uploaded.</summary>
    public ObjectStorageLocation Location { get; } = location ?? throw new ArgumentNullException(nameof(location));

    /// <inheritdoc />
    public string Target => Location.ToString();

    /// <inheritdoc />
    public string Description => Document.Name;

    /// <inheritdoc />
    public async Task WriteAsync(BacktestResult result, BacktestSummary summary, CancellationToken cancellationToken)
    {
        // The same bytes a local file of this document holds: UTF-8 without BOM, LF line ends.
        using var content = new MemoryStream();
        await using (var writer = new StreamWriter(content, Utf8, leaveOpen: true) { NewLine = "\n" })
        {
            await Document.RenderAsync(result, summary, writer, cancellationToken);
        }

        content.Position = 0;
        await store().PutAsync(Location, content, Document.ContentType, cancellationToken);
    }
}
