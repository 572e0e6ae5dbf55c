using Tradewind.Data.Files;
using Tradewind.Testing;

namespace Tradewind.Data.Tests.Files;

public sealed class AtomicFileTests
{
    [Fact]
    public async Task A_failure_while_writing_leaves_the_old_file_untouched_and_no_temporary_file()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("out.csv", "old content\n");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => AtomicFile.WriteAsync(path, async writer =>
        {
            await writer.WriteLineAsync("half of the new con");
            throw new InvalidOperationException("disk full");
        }, TestContext.Current.CancellationToken));

        Assert.Equal("disk full", failure.Message);
        Assert.Equal("old content\n", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(["out.csv"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Creates_missing_folders_and_replaces_an_existing_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("a/b/out.csv");

        await AtomicFile.WriteAsync(path, w => w.WriteAsync("first"), TestContext.Current.CancellationToken);
        await AtomicFile.WriteAsync(path, w => w.WriteAsync("second"), TestContext.Current.CancellationToken);

        Assert.Equal("second", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }
}
