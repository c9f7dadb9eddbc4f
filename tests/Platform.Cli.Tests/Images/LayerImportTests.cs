using System.Security.Cryptography;
using Platform.Cli.Images;
using Platform.Cli.Tests.Support;
using Platform.Oci.References;

namespace Platform.Cli.Tests.Images;

public sealed class LayerImportTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task PlainTarIsGzippedWithTheTarsDigestAsDiffId()
    {
        var tar = TestTarballs.RootFileSystem();
        var path = Write("rootfs.tar", tar);

        var layer = await LayerImport.PrepareAsync(path, _temp.Subdirectory("work"), null, CancellationToken.None);

        Assert.Equal(Sha256(tar), layer.DiffId);
        Assert.NotEqual(path, layer.Path);
        var compressed = await File.ReadAllBytesAsync(layer.Path);
        Assert.Equal(Sha256(compressed), layer.Digest);
        Assert.Equal(compressed.LongLength, layer.Size);
        Assert.Equal(tar, TestTarballs.Gunzip(layer.Path));
    }

    [Fact]
    public async Task ProgressEndsAtTheTarballsLength()
    {
        var path = Write("rootfs.tar", TestTarballs.RootFileSystem());
        long last = -1;

        await LayerImport.PrepareAsync(path, _temp.Subdirectory("work"), new LastValue(value => last = value), CancellationToken.None);

        Assert.Equal(new FileInfo(path).Length, last);
    }

    [Fact]
    public async Task GzipTarIsTheLayerAsItIs()
    {
        var tar = TestTarballs.RootFileSystem();
        var gzip = TestTarballs.Gzip(tar);
        var path = Write("rootfs.tar.gz", gzip);

        var layer = await LayerImport.PrepareAsync(path, _temp.Subdirectory("work"), null, CancellationToken.None);

        Assert.Equal(path, layer.Path);
        Assert.Equal(Sha256(gzip), layer.Digest);
        Assert.Equal(gzip.LongLength, layer.Size);
        Assert.Equal(Sha256(tar), layer.DiffId);
        Assert.Empty(Directory.GetFiles(_temp.File("work")));
    }

    [Fact]
    public async Task CreatedIsTheNewestModificationTime()
    {
        var path = Write("rootfs.tar", TestTarballs.RootFileSystem());

        var layer = await LayerImport.PrepareAsync(path, _temp.Subdirectory("work"), null, CancellationToken.None);

        Assert.Equal(TestTarballs.Newest, layer.Created);
    }

    [Fact]
    public async Task PaddingAfterTheEndOfArchiveBelongsToTheDiffId()
    {
        // GNU tar pads an archive to whole 10 KiB records: the diff ID is over every byte of the file.
        var tar = TestTarballs.RootFileSystem();
        var padded = tar.Concat(new byte[10240 - (tar.Length % 10240)]).ToArray();
        var path = Write("padded.tar", padded);

        var layer = await LayerImport.PrepareAsync(path, _temp.Subdirectory("work"), null, CancellationToken.None);

        Assert.Equal(Sha256(padded), layer.DiffId);
        Assert.Equal(padded, TestTarballs.Gunzip(layer.Path));
    }

    [Fact]
    public async Task AnArchiveWithoutEntriesIsCreatedAtTheEpoch()
    {
        var path = Write("empty.tar", new byte[1024]);

        var layer = await LayerImport.PrepareAsync(path, _temp.Subdirectory("work"), null, CancellationToken.None);

        Assert.Equal(DateTimeOffset.UnixEpoch, layer.Created);
    }

    [Theory]
    [InlineData("notes.txt", "not a tar archive at all, just some text that is long enough to fill a header block....")]
    [InlineData("empty.tar", "")]
    public async Task SomethingElseThanATarIsOneReadableError(string name, string content)
    {
        var path = Write(name, System.Text.Encoding.ASCII.GetBytes(content.PadRight(content.Length == 0 ? 0 : 600, '.')));

        var error = await Assert.ThrowsAsync<CliException>(() => LayerImport.PrepareAsync(path, _temp.Subdirectory("work"), null, CancellationToken.None));

        Assert.StartsWith(path + " is ", error.Message);
    }

    [Fact]
    public async Task TruncatedGzipIsOneReadableError()
    {
        var gzip = TestTarballs.Gzip(TestTarballs.RootFileSystem());
        var path = Write("cut.tar.gz", gzip[..(gzip.Length / 2)]);

        var error = await Assert.ThrowsAsync<CliException>(() => LayerImport.PrepareAsync(path, _temp.Subdirectory("work"), null, CancellationToken.None));

        Assert.Equal($"{path} is not a valid gzip-compressed tar archive: it ends in the middle of an entry", error.Message);
    }

    [Fact]
    public async Task OtherCompressionsAreNamedAndRefused()
    {
        var path = Write("rootfs.tar.zst", [0x28, 0xb5, 0x2f, 0xfd, 0, 0, 0, 0]);

        var error = await Assert.ThrowsAsync<CliException>(() => LayerImport.PrepareAsync(path, _temp.Subdirectory("work"), null, CancellationToken.None));

        Assert.Equal($"{path} is compressed with zstd; import takes a plain or gzip-compressed tar", error.Message);
    }

    private string Write(string name, byte[] content)
    {
        var path = _temp.File(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static Digest Sha256(byte[] content) => Digest.Parse("sha256:" + Convert.ToHexStringLower(SHA256.HashData(content)));

    private sealed class LastValue(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
