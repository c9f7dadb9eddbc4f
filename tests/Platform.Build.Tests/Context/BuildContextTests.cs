using System.Formats.Tar;
using Platform.Build.Context;

namespace Platform.Build.Tests.Context;

public sealed class BuildContextTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("platform-build-context-").FullName;

    [Fact]
    public async Task The_context_round_trips_without_ignored_files_and_with_links_kept_as_links()
    {
        var source = Path.Combine(work, "source");
        Directory.CreateDirectory(Path.Combine(source, "src", "deep"));
        File.WriteAllText(Path.Combine(source, "Dockerfile"), "FROM scratch\n");
        File.WriteAllText(Path.Combine(source, "src", "deep", "a.txt"), "a");
        File.WriteAllText(Path.Combine(source, "secret.key"), "no");
        File.WriteAllText(Path.Combine(source, ".dockerignore"), "*.key\n");
        File.CreateSymbolicLink(Path.Combine(source, "passwd"), "/etc/passwd");
        using var tar = new MemoryStream();

        var summary = await BuildContextWriter.WriteAsync(source, Path.Combine(source, "Dockerfile"), tar, CancellationToken.None);
        tar.Position = 0;
        var target = Path.Combine(work, "target");
        var dockerfile = await BuildContextReader.ExtractAsync(tar, target, CancellationToken.None);

        Assert.Equal("FROM scratch\n", dockerfile);
        Assert.Equal("a", File.ReadAllText(Path.Combine(target, "src", "deep", "a.txt")));
        Assert.False(File.Exists(Path.Combine(target, "secret.key")));
        Assert.Equal("/etc/passwd", new FileInfo(Path.Combine(target, "passwd")).LinkTarget);
        Assert.Equal(6, summary.Entries);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/etc/passwd")]
    [InlineData("a/../../b")]
    public async Task Entries_outside_the_context_are_refused(string name)
    {
        var tar = await TarOfAsync(w => w.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream([1]) }));

        await Assert.ThrowsAsync<InvalidDataException>(() => BuildContextReader.ExtractAsync(tar, Path.Combine(work, "t"), CancellationToken.None));
    }

    [Fact]
    public async Task An_entry_under_a_link_of_the_same_tar_is_refused()
    {
        var tar = await TarOfAsync(async w =>
        {
            await w.WriteEntryAsync(new PaxTarEntry(TarEntryType.SymbolicLink, "etc") { LinkName = "/etc" });
            await w.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "etc/evil") { DataStream = new MemoryStream([1]) });
        });

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => BuildContextReader.ExtractAsync(tar, Path.Combine(work, "t"), CancellationToken.None));
        Assert.Contains("symbolic link", error.Message);
        Assert.False(File.Exists("/etc/evil"));
    }

    [Fact]
    public async Task Hard_links_are_refused()
    {
        var tar = await TarOfAsync(w => w.WriteEntryAsync(new PaxTarEntry(TarEntryType.HardLink, "x") { LinkName = "/etc/shadow" }));

        await Assert.ThrowsAsync<InvalidDataException>(() => BuildContextReader.ExtractAsync(tar, Path.Combine(work, "t"), CancellationToken.None));
    }

    private static async Task<MemoryStream> TarOfAsync(Func<TarWriter, Task> write)
    {
        var stream = new MemoryStream();
        await using (var writer = new TarWriter(stream, leaveOpen: true))
        {
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, ContextTar.DockerfileEntry) { DataStream = new MemoryStream("FROM x"u8.ToArray()) });
            await write(writer);
        }

        stream.Position = 0;
        return stream;
    }

    public void Dispose() => Directory.Delete(work, recursive: true);
}
