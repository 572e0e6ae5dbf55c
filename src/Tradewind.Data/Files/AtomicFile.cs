using System.Text;

namespace Tradewind.Data.Files;

/// <summary>Writes an output file through a temporary file and a rename, so a crash never leaves half a file behind.</summary>
public static class AtomicFile
{
    /// <summary>Creates the folder if needed, writes to FILE.tmp-XXXX, then renames it over <paramref name="path"/>.</summary>
    public static async Task WriteAsync(string path, Func<TextWriter, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.tmp-{Guid.NewGuid():N}"[..^24]);
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            await using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                writer.NewLine = "\n";
                await write(writer);
                await writer.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
