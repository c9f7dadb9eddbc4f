using System.Diagnostics;
using System.Formats.Tar;
using Platform.Build.Files;
using Platform.Build.Layers;

namespace Platform.Build.Tests.Layers;

public sealed class LayerTarWriterTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("platform-build-layer-").FullName;

    [Fact]
    public async Task The_same_files_written_at_other_times_give_the_same_digest()
    {
        var first = Tree("first");
        var second = Tree("second");
        File.SetLastWriteTimeUtc(Path.Combine(second, "app", "b.txt"), new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var a = await LayerTarWriter.WriteAsync(first, Path.Combine(work, "a.tar"), null, CancellationToken.None);
        var b = await LayerTarWriter.WriteAsync(second, Path.Combine(work, "b.tar"), null, CancellationToken.None);

        Assert.Equal(a.Digest, b.Digest);
        var names = await EntriesAsync(a.Path);
        Assert.Equal(["app/", "app/a.txt", "app/b.txt", "app/link", "top.txt"], names.Select(e => e.Name));
        Assert.All(names, e => Assert.Equal(DateTimeOffset.UnixEpoch, e.ModificationTime));
        Assert.Equal("a.txt", names[3].LinkName);
    }

    [Fact]
    public async Task An_empty_upper_directory_is_an_empty_archive()
    {
        var empty = Directory.CreateDirectory(Path.Combine(work, "empty")).FullName;

        var layer = await LayerTarWriter.WriteAsync(empty, Path.Combine(work, "empty.tar"), null, CancellationToken.None);

        Assert.Equal(1024, layer.Size);
        Assert.Empty(await EntriesAsync(layer.Path));
    }

    [Fact]
    public async Task Excluded_top_level_names_are_left_out()
    {
        var upper = Tree("excluded");
        Directory.CreateDirectory(Path.Combine(upper, "proc"));

        var layer = await LayerTarWriter.WriteAsync(upper, Path.Combine(work, "x.tar"), name => name == "proc", CancellationToken.None);

        Assert.DoesNotContain(await EntriesAsync(layer.Path), e => e.Name.StartsWith("proc", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Overlay_deletions_become_oci_whiteouts()
    {
        var upper = Directory.CreateDirectory(Path.Combine(work, "whiteouts", "etc")).Parent!.FullName;
        using (var mknod = Process.Start("mknod", [Path.Combine(upper, "etc", "gone"), "c", "0", "0"]))
        {
            await mknod.WaitForExitAsync();
        }

        Assert.True(FileStatus.Lstat(Path.Combine(upper, "etc", "gone")).IsWhiteout);
        var layer = await LayerTarWriter.WriteAsync(upper, Path.Combine(work, "w.tar"), null, CancellationToken.None);

        Assert.Equal(["etc/", "etc/.wh.gone"], (await EntriesAsync(layer.Path)).Select(e => e.Name));
    }

    private string Tree(string name)
    {
        var root = Path.Combine(work, name);
        Directory.CreateDirectory(Path.Combine(root, "app"));
        File.WriteAllText(Path.Combine(root, "top.txt"), "top");
        File.WriteAllText(Path.Combine(root, "app", "b.txt"), "b");
        File.WriteAllText(Path.Combine(root, "app", "a.txt"), "a");
        File.CreateSymbolicLink(Path.Combine(root, "app", "link"), "a.txt");
        return root;
    }

    private static async Task<List<TarEntry>> EntriesAsync(string path)
    {
        await using var file = File.OpenRead(path);
        await using var reader = new TarReader(file);
        var entries = new List<TarEntry>();
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            entries.Add(entry);
        }

        return entries;
    }

    public void Dispose() => Directory.Delete(work, recursive: true);
}
