using Platform.Oci.Layers;
using Platform.Oci.References;
using Platform.Oci.Tests.Support;

namespace Platform.Oci.Tests.Layers;

/// <summary>Honest layers: what the tar says is what lands on disk, whiteouts in overlayfs form.</summary>
public sealed class LayerUnpackerRoundTripTests : IDisposable
{
    private static readonly DateTimeOffset FileTime = new(2020, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly DateTimeOffset DirectoryTime = new(2019, 6, 7, 8, 9, 10, TimeSpan.Zero);

    private readonly UnpackSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    private static LayerBuilder SampleLayer() => new LayerBuilder()
        .Directory("usr/", (UnixFileMode)0b111_101_000, uid: 10, gid: 20, time: DirectoryTime)
        .Directory("usr/bin/", Modes.Directory, time: DirectoryTime)
        .File("usr/bin/tool", "#!/bin/sh\necho hi\n", (UnixFileMode)0b100_111_101_101, uid: 1234, gid: 5678, time: FileTime)
        .HardLink("usr/bin/tool-again", "usr/bin/tool")
        .Symlink("usr/bin/hosts", "/etc/hosts", uid: 7, gid: 8)
        .Symlink("usr/bin/relative", "../lib/x")
        .Fifo("usr/pipe", (UnixFileMode)0b110_100_000)
        .File("deep/implied/parent/file", "x");

    [Fact]
    public async Task Modes_owners_and_times_round_trip()
    {
        await sandbox.UnpackAsync(SampleLayer().ToGzip());

        var tool = FileStatus.Lstat(sandbox.InLayer("usr/bin/tool"));
        Assert.Equal((UnixFileMode)0b100_111_101_101, tool.Permissions); // setuid kept
        Assert.Equal((1234u, 5678u), (tool.Uid, tool.Gid));
        Assert.Equal(FileTime.ToUnixTimeSeconds(), tool.ModificationSeconds);
        Assert.Equal("#!/bin/sh\necho hi\n", File.ReadAllText(sandbox.InLayer("usr/bin/tool")));

        var usr = FileStatus.Lstat(sandbox.InLayer("usr"));
        Assert.Equal((UnixFileMode)0b111_101_000, usr.Permissions);
        Assert.Equal((10u, 20u), (usr.Uid, usr.Gid));
        Assert.Equal(DirectoryTime.ToUnixTimeSeconds(), usr.ModificationSeconds); // not disturbed by its children
    }

    [Fact]
    public async Task Symlinks_keep_their_targets_unresolved()
    {
        await sandbox.UnpackAsync(SampleLayer().ToGzip());

        Assert.Equal("/etc/hosts", new FileInfo(sandbox.InLayer("usr/bin/hosts")).LinkTarget);
        Assert.Equal("../lib/x", new FileInfo(sandbox.InLayer("usr/bin/relative")).LinkTarget);
        var link = FileStatus.Lstat(sandbox.InLayer("usr/bin/hosts"));
        Assert.Equal((7u, 8u), (link.Uid, link.Gid));
    }

    [Fact]
    public async Task Hard_links_share_the_inode_and_fifos_are_fifos()
    {
        await sandbox.UnpackAsync(SampleLayer().ToGzip());

        Assert.Equal(FileStatus.Lstat(sandbox.InLayer("usr/bin/tool")).Inode, FileStatus.Lstat(sandbox.InLayer("usr/bin/tool-again")).Inode);
        var pipe = FileStatus.Lstat(sandbox.InLayer("usr/pipe"));
        Assert.True(pipe.IsFifo);
        Assert.Equal((UnixFileMode)0b110_100_000, pipe.Permissions);
    }

    [Fact]
    public async Task Implied_parents_are_created_as_0755_directories()
    {
        await sandbox.UnpackAsync(SampleLayer().ToGzip());

        Assert.Equal("x", File.ReadAllText(sandbox.InLayer("deep/implied/parent/file")));
        Assert.Equal(Modes.Directory, FileStatus.Lstat(sandbox.InLayer("deep/implied")).Permissions);
    }

    [Fact]
    public async Task Whiteouts_become_overlay_character_devices()
    {
        await sandbox.UnpackAsync(new LayerBuilder().Directory("etc").File("etc/.wh.passwd", "").File(".wh.tmp", "").ToGzip());

        foreach (var hidden in new[] { "etc/passwd", "tmp" })
        {
            var whiteout = FileStatus.Lstat(sandbox.InLayer(hidden));
            Assert.True(whiteout.IsCharacterDevice, hidden);
            Assert.Equal(0ul, whiteout.DeviceNumber);
        }
        Assert.False(Path.Exists(sandbox.InLayer("etc/.wh.passwd")));
        Assert.False(Path.Exists(sandbox.InLayer(".wh.tmp")));
    }

    [Fact]
    public async Task Opaque_markers_become_the_overlay_opaque_xattr()
    {
        await sandbox.UnpackAsync(new LayerBuilder()
            .Directory("var/cache").File("var/cache/.wh..wh..opq", "").File("var/cache/new", "n")
            .File("listed/later/.wh..wh..opq", "")
            .ToGzip());

        Assert.Equal("y", OverlayAttributes.Read(sandbox.InLayer("var/cache"), OverlayAttributes.Opaque));
        Assert.Equal("y", OverlayAttributes.Read(sandbox.InLayer("listed/later"), OverlayAttributes.Opaque));
        Assert.Null(OverlayAttributes.Read(sandbox.InLayer("var"), OverlayAttributes.Opaque));
        Assert.False(Path.Exists(sandbox.InLayer("var/cache/.wh..wh..opq")));
        Assert.Equal("n", File.ReadAllText(sandbox.InLayer("var/cache/new")));
    }

    [Fact]
    public async Task An_absolute_symlink_target_with_a_later_entry_beside_it_stays_inside()
    {
        // The link itself is fine; a later entry named beside it (not through it) must also be fine.
        await sandbox.UnpackAsync(new LayerBuilder().Symlink("etc", sandbox.Outside).File("etc2/x", "y").ToGzip());

        Assert.Equal(sandbox.Outside, new FileInfo(sandbox.InLayer("etc")).LinkTarget);
        Assert.Empty(Directory.EnumerateFileSystemEntries(sandbox.Outside));
    }

    [Fact]
    public async Task A_later_entry_replaces_an_earlier_one()
    {
        await sandbox.UnpackAsync(new LayerBuilder()
            .File("a", "first").File("a", "second")
            .Symlink("b", "/x").File("b", "file now")
            .Directory("c").File("c/inner", "gone").File("c", "file replaces directory")
            .ToGzip());

        Assert.Equal("second", File.ReadAllText(sandbox.InLayer("a")));
        Assert.Equal("file now", File.ReadAllText(sandbox.InLayer("b")));
        Assert.Equal("file replaces directory", File.ReadAllText(sandbox.InLayer("c")));
    }

    [Theory]
    [InlineData("tar")]
    [InlineData("gzip")]
    [InlineData("zstd")]
    public async Task Every_compression_gives_the_same_tree_and_diff_id(string compression)
    {
        var builder = SampleLayer();
        var tar = builder.ToTar();
        var blob = compression switch
        {
            "gzip" => builder.ToGzip(),
            "zstd" => builder.ToZstd(),
            _ => tar,
        };
        var diffId = Digest.Compute(tar);

        var layer = await sandbox.UnpackAsync(blob, diffId: diffId);

        Assert.Equal(diffId, layer.DiffId);
        Assert.Equal(tar.Length, layer.TarBytes);
        Assert.Equal("x", File.ReadAllText(sandbox.InLayer("deep/implied/parent/file")));
        Assert.Equal(["layer"], Directory.EnumerateFileSystemEntries(sandbox.Layers).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_root_entry_sets_the_layer_directory_metadata()
    {
        await sandbox.UnpackAsync(new LayerBuilder().Directory("./", (UnixFileMode)0b111_101_101, uid: 3, gid: 4, time: DirectoryTime).File("f", "x").ToGzip());

        var root = FileStatus.Lstat(sandbox.LayerDirectory);
        Assert.Equal((3u, 4u), (root.Uid, root.Gid));
        Assert.Equal(DirectoryTime.ToUnixTimeSeconds(), root.ModificationSeconds);
    }

    [Fact]
    public async Task An_existing_destination_is_not_overwritten()
    {
        Directory.CreateDirectory(sandbox.LayerDirectory);
        await Assert.ThrowsAsync<IOException>(() => sandbox.UnpackAsync(SampleLayer().ToGzip()));
    }
}
