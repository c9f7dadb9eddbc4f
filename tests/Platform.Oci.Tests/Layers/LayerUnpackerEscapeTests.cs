using System.Formats.Tar;
using Platform.Oci.Layers;
using Platform.Oci.Tests.Support;

namespace Platform.Oci.Tests.Layers;

/// <summary>Crafted hostile layers, unpacked for real: each is refused and leaves nothing inside or outside the root.</summary>
public sealed class LayerUnpackerEscapeTests : IDisposable
{
    private readonly UnpackSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Theory]
    [InlineData("../evil")]
    [InlineData("a/../../evil")]
    [InlineData("../outside/evil")]
    public async Task Dot_dot_entries_are_refused(string name)
    {
        var layer = new LayerBuilder().File("ok", "fine").File(name, "pwned").ToGzip();
        var error = await sandbox.AssertRefusedAsync(layer);
        Assert.Contains("'..'", error.Message);
    }

    [Fact]
    public async Task An_absolute_entry_lands_inside_the_root()
    {
        var marker = $"/etc/platform-oci-test-{Guid.NewGuid():N}";
        await sandbox.UnpackAsync(new LayerBuilder().File(marker, "inside").ToGzip());

        Assert.Equal("inside", File.ReadAllText(sandbox.InLayer(marker.TrimStart('/'))));
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task A_symlink_to_the_host_root_cannot_be_written_through()
    {
        // link -> / then link/<sandbox>/outside/evil: the host path the link would reach is our own outside/ directory.
        var throughLink = "link" + Path.Combine(sandbox.Outside, "evil");
        var layer = new LayerBuilder().Symlink("link", "/").File(throughLink, "pwned").ToGzip();
        var error = await sandbox.AssertRefusedAsync(layer);
        Assert.Contains("symlink 'link'", error.Message);
    }

    [Fact]
    public async Task A_symlink_to_the_host_etc_cannot_reach_passwd()
    {
        var before = File.ReadAllBytes("/etc/passwd");
        var layer = new LayerBuilder().Symlink("link", "/").File("link/etc/passwd", "root::0:0::/:/bin/sh\n").ToGzip();
        await sandbox.AssertRefusedAsync(layer);
        Assert.Equal(before, File.ReadAllBytes("/etc/passwd"));
    }

    [Fact]
    public async Task A_symlink_to_the_parent_cannot_be_written_through()
    {
        var layer = new LayerBuilder().Symlink("link", "..").File("link/x", "pwned").ToGzip();
        await sandbox.AssertRefusedAsync(layer);
    }

    [Fact]
    public async Task A_symlinked_directory_cannot_receive_a_directory()
    {
        var layer = new LayerBuilder().Symlink("link", sandbox.Outside).Directory("link/sub").ToGzip();
        await sandbox.AssertRefusedAsync(layer);
    }

    [Fact]
    public async Task A_hard_link_out_of_the_root_is_refused()
    {
        var layer = new LayerBuilder().HardLink("passwd", "../../etc/passwd").ToGzip();
        var error = await sandbox.AssertRefusedAsync(layer);
        Assert.Contains("'..'", error.Message);
    }

    [Fact]
    public async Task A_hard_link_to_a_host_file_the_layer_did_not_create_is_refused()
    {
        var layer = new LayerBuilder().HardLink("passwd", "/etc/passwd").ToGzip();
        var error = await sandbox.AssertRefusedAsync(layer);
        Assert.Contains("not a file of this layer", error.Message);
    }

    [Fact]
    public async Task A_hard_link_through_a_symlink_is_refused()
    {
        var layer = new LayerBuilder()
            .Symlink("link", "/")
            .HardLink("shadow", "link/etc/shadow")
            .ToGzip();
        var error = await sandbox.AssertRefusedAsync(layer);
        Assert.Contains("goes through symlink", error.Message);
    }

    [Fact]
    public async Task A_block_device_is_refused()
    {
        var layer = new LayerBuilder().Device(TarEntryType.BlockDevice, "dev/sda", 8, 0).ToGzip();
        var error = await sandbox.AssertRefusedAsync(layer);
        Assert.Contains("device node", error.Message);
    }

    [Fact]
    public async Task A_character_device_that_is_not_a_whiteout_is_refused()
    {
        var layer = new LayerBuilder().Device(TarEntryType.CharacterDevice, "dev/mem", 1, 1).ToGzip();
        await sandbox.AssertRefusedAsync(layer);
    }

    [Fact]
    public async Task A_tar_level_zero_zero_character_device_is_refused_too()
    {
        // Only OCI's .wh. files become overlay whiteouts; a raw 0/0 device in the tar is still a device.
        var layer = new LayerBuilder().Device(TarEntryType.CharacterDevice, "x", 0, 0).ToGzip();
        await sandbox.AssertRefusedAsync(layer);
    }

    [Fact]
    public async Task A_gzip_bomb_over_the_limit_is_refused()
    {
        var zeros = new byte[64 * 1024 * 1024];
        var layer = new LayerBuilder().File("bomb", zeros).ToGzip();
        Assert.True(layer.Length < 1024 * 1024, "the bomb compresses well");

        var error = await sandbox.AssertRefusedAsync(layer, LayerLimits.Default with { MaxUnpackedBytes = 16 * 1024 * 1024 });
        Assert.Contains("more than 16777216 bytes", error.Message);
    }

    [Fact]
    public async Task A_tar_stream_longer_than_its_headers_claim_is_bounded_too()
    {
        // Many small files: no single header is large, the stream as a whole is over the limit.
        var builder = new LayerBuilder();
        for (var i = 0; i < 200; i++)
        {
            builder.File($"f{i}", new byte[10_000]);
        }
        var limits = LayerLimits.Default with { MaxUnpackedBytes = 1_000_000 };
        await sandbox.AssertRefusedAsync(builder.ToGzip(), limits);
    }

    [Fact]
    public async Task Too_many_entries_are_refused()
    {
        var builder = new LayerBuilder();
        for (var i = 0; i < 101; i++)
        {
            builder.File($"f{i}", "x");
        }
        var error = await sandbox.AssertRefusedAsync(builder.ToTar(), LayerLimits.Default with { MaxEntries = 100 });
        Assert.Contains("more than 100 entries", error.Message);
    }

    [Fact]
    public async Task An_entry_name_longer_than_path_max_is_refused()
    {
        var name = string.Join('/', Enumerable.Repeat(new string('d', 250), 17));
        var error = await sandbox.AssertRefusedAsync(new LayerBuilder().File(name, "x").ToGzip());
        Assert.Contains("PATH_MAX", error.Message);
    }

    [Fact]
    public async Task A_diff_id_mismatch_is_refused()
    {
        var layer = new LayerBuilder().File("a", "b").ToGzip();
        var wrong = Platform.Oci.References.Digest.Compute("not this layer"u8);
        var error = await Assert.ThrowsAsync<LayerRejectedException>(() => sandbox.UnpackAsync(layer, diffId: wrong));
        Assert.Contains("diff ID", error.Message);
        sandbox.AssertNothingLeft();
    }

    [Fact]
    public async Task Garbage_is_refused()
    {
        var noise = new byte[4096];
        new Random(42).NextBytes(noise);
        var error = await sandbox.AssertRefusedAsync(LayerBuilder.Gzip(noise));
        Assert.Contains("not a valid", error.Message);
    }

    [Fact]
    public async Task A_truncated_gzip_is_refused()
    {
        var layer = new LayerBuilder().File("a", new byte[100_000]).ToGzip();
        await sandbox.AssertRefusedAsync(layer[..(layer.Length / 2)]);
    }
}
