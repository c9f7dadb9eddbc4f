using Platform.Oci.Layers;
using Platform.Oci.Tests.Support;

namespace Platform.Oci.Tests.Layers;

/// <summary>
/// The kernel-side guard on its own, as if the validator had missed something: a directory reached
/// through a symlink or a non-directory is refused by openat2 itself.
/// </summary>
public sealed class LayerRootTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("..")]
    [InlineData("inner")]
    public void Refuses_to_open_a_directory_through_a_symlink(string target)
    {
        var root = Directory.CreateDirectory(temp.Combine("root")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "inner"));
        File.CreateSymbolicLink(Path.Combine(root, "link"), target);
        using var layer = LayerRoot.Open(root);

        Assert.Throws<LayerRejectedException>(() => layer.OpenDirectory("link", createMissing: true));
        Assert.Throws<LayerRejectedException>(() => layer.OpenDirectory("link/etc", createMissing: true));
        Assert.False(Directory.Exists(Path.Combine(root, "inner", "etc")));
    }

    [Fact]
    public void Refuses_to_create_a_directory_below_a_file()
    {
        var root = Directory.CreateDirectory(temp.Combine("root")).FullName;
        File.WriteAllText(Path.Combine(root, "file"), "");
        using var layer = LayerRoot.Open(root);

        Assert.Throws<LayerRejectedException>(() => layer.OpenDirectory("file/sub", createMissing: true));
    }

    [Fact]
    public void Creates_missing_directories_on_the_way()
    {
        var root = Directory.CreateDirectory(temp.Combine("root")).FullName;
        using var layer = LayerRoot.Open(root);

        layer.OpenDirectory("a/b/c", createMissing: true).Dispose();

        Assert.True(Directory.Exists(Path.Combine(root, "a", "b", "c")));
    }
}
