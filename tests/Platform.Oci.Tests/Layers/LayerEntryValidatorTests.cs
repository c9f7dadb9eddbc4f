using System.Formats.Tar;
using Platform.Oci.Layers;

namespace Platform.Oci.Tests.Layers;

/// <summary>The pure entry rules, without a disk: every escape is caught before anything is created.</summary>
public sealed class LayerEntryValidatorTests
{
    private readonly LayerEntryValidator validator = new(LayerLimits.Default);

    private static LayerEntryHeader File(string name, long length = 0) => new(TarEntryType.RegularFile, name, Length: length);

    private static LayerEntryHeader Dir(string name) => new(TarEntryType.Directory, name);

    private static LayerEntryHeader Symlink(string name, string target) => new(TarEntryType.SymbolicLink, name, target);

    private static LayerEntryHeader HardLink(string name, string target) => new(TarEntryType.HardLink, name, target);

    [Theory]
    [InlineData("../evil")]
    [InlineData("a/../../evil")]
    [InlineData("a/b/../c")]
    [InlineData("..")]
    [InlineData("/../etc/passwd")]
    public void Refuses_dot_dot_components(string name)
    {
        var error = Assert.Throws<LayerRejectedException>(() => validator.Plan(File(name)));
        Assert.Contains("'..'", error.Message);
    }

    [Theory]
    [InlineData("/etc/evil", "etc/evil")]
    [InlineData("//etc//evil", "etc/evil")]
    [InlineData("./usr/./bin/sh", "usr/bin/sh")]
    [InlineData("usr/bin/", "usr/bin")]
    public void Normalises_absolute_and_dotted_names_inside_the_root(string name, string expected) =>
        Assert.Equal(expected, validator.Plan(File(name)).Path);

    [Theory]
    [InlineData("./")]
    [InlineData(".")]
    [InlineData("/")]
    public void Root_directory_entry_means_the_root_itself(string name)
    {
        var planned = validator.Plan(Dir(name));
        Assert.Equal((LayerEntryKind.Directory, ""), (planned.Kind, planned.Path));
    }

    [Fact]
    public void Refuses_a_file_that_replaces_the_root() =>
        Assert.Throws<LayerRejectedException>(() => validator.Plan(File("./")));

    [Fact]
    public void Refuses_a_path_through_a_symlink_to_the_host_root()
    {
        validator.Plan(Symlink("link", "/"));
        var error = Assert.Throws<LayerRejectedException>(() => validator.Plan(File("link/etc/passwd")));
        Assert.Contains("goes through symlink 'link'", error.Message);
    }

    [Fact]
    public void Refuses_a_path_through_a_symlink_to_the_parent()
    {
        validator.Plan(Symlink("link", ".."));
        Assert.Throws<LayerRejectedException>(() => validator.Plan(File("link/x")));
    }

    [Fact]
    public void Refuses_a_directory_through_a_nested_symlink()
    {
        validator.Plan(Dir("a"));
        validator.Plan(Symlink("a/b", "/etc"));
        Assert.Throws<LayerRejectedException>(() => validator.Plan(Dir("a/b/c")));
    }

    [Fact]
    public void Refuses_a_path_through_a_regular_file()
    {
        validator.Plan(File("f"));
        var error = Assert.Throws<LayerRejectedException>(() => validator.Plan(File("f/x")));
        Assert.Contains("non-directory 'f'", error.Message);
    }

    [Fact]
    public void A_symlink_replaced_by_a_directory_no_longer_blocks_the_path()
    {
        validator.Plan(Symlink("d", "/"));
        validator.Plan(Dir("d"));
        Assert.Equal("d/x", validator.Plan(File("d/x")).Path);
    }

    [Fact]
    public void Symlink_targets_are_kept_as_written()
    {
        var planned = validator.Plan(Symlink("bin/sh", "/bin/busybox"));
        Assert.Equal((LayerEntryKind.Symlink, "bin/sh", "/bin/busybox"), (planned.Kind, planned.Path, planned.LinkTarget));
    }

    [Fact]
    public void Refuses_a_symlink_without_target() =>
        Assert.Throws<LayerRejectedException>(() => validator.Plan(Symlink("s", "")));

    [Fact]
    public void Refuses_a_hard_link_outside_the_root()
    {
        var error = Assert.Throws<LayerRejectedException>(() => validator.Plan(HardLink("passwd", "../../etc/passwd")));
        Assert.Contains("'..'", error.Message);
    }

    [Fact]
    public void Refuses_a_hard_link_to_an_absolute_host_path_the_layer_did_not_create()
    {
        var error = Assert.Throws<LayerRejectedException>(() => validator.Plan(HardLink("passwd", "/etc/passwd")));
        Assert.Contains("not a file of this layer", error.Message);
    }

    [Fact]
    public void Refuses_a_hard_link_through_a_symlink()
    {
        validator.Plan(Dir("etc"));
        validator.Plan(File("etc/passwd"));
        validator.Plan(Symlink("link", "/"));
        var error = Assert.Throws<LayerRejectedException>(() => validator.Plan(HardLink("copy", "link/etc/passwd")));
        Assert.Contains("goes through symlink", error.Message);
    }

    [Fact]
    public void Refuses_a_hard_link_to_a_directory()
    {
        validator.Plan(Dir("d"));
        Assert.Throws<LayerRejectedException>(() => validator.Plan(HardLink("l", "d")));
    }

    [Fact]
    public void Accepts_a_hard_link_to_a_file_of_the_layer()
    {
        validator.Plan(File("/bin/a"));
        var planned = validator.Plan(HardLink("bin/b", "/bin/a"));
        Assert.Equal((LayerEntryKind.HardLink, "bin/b", "bin/a"), (planned.Kind, planned.Path, planned.LinkTarget));
    }

    [Fact]
    public void A_removed_directory_takes_its_files_out_of_the_link_targets()
    {
        validator.Plan(Dir("d"));
        validator.Plan(File("d/f"));
        validator.Plan(File("d"));
        Assert.Throws<LayerRejectedException>(() => validator.Plan(HardLink("l", "d/f")));
    }

    [Theory]
    [InlineData(TarEntryType.BlockDevice)]
    [InlineData(TarEntryType.CharacterDevice)]
    public void Refuses_device_nodes(TarEntryType type)
    {
        var error = Assert.Throws<LayerRejectedException>(() => validator.Plan(new LayerEntryHeader(type, "dev/sda")));
        Assert.Contains("device node", error.Message);
    }

    [Fact]
    public void Accepts_fifos() =>
        Assert.Equal(LayerEntryKind.Fifo, validator.Plan(new LayerEntryHeader(TarEntryType.Fifo, "run/pipe")).Kind);

    [Theory]
    [InlineData("etc/.wh.passwd", LayerEntryKind.Whiteout, "etc/passwd")]
    [InlineData(".wh.tmp", LayerEntryKind.Whiteout, "tmp")]
    [InlineData("var/cache/.wh..wh..opq", LayerEntryKind.OpaqueDirectory, "var/cache")]
    [InlineData(".wh..wh..opq", LayerEntryKind.OpaqueDirectory, "")]
    [InlineData("x/.wh..wh.plnk", LayerEntryKind.Ignored, "")]
    public void Maps_oci_whiteouts(string name, LayerEntryKind kind, string path)
    {
        var planned = validator.Plan(File(name));
        Assert.Equal((kind, path), (planned.Kind, planned.Path));
    }

    [Theory]
    [InlineData(".wh.")]
    [InlineData("a/.wh..")]
    public void Refuses_whiteouts_without_a_name(string name) =>
        Assert.Throws<LayerRejectedException>(() => validator.Plan(File(name)));

    [Fact]
    public void Refuses_more_entries_than_the_limit()
    {
        var limited = new LayerEntryValidator(LayerLimits.Default with { MaxEntries = 3 });
        for (var i = 0; i < 3; i++)
        {
            limited.Plan(File($"f{i}"));
        }
        var error = Assert.Throws<LayerRejectedException>(() => limited.Plan(File("f3")));
        Assert.Contains("more than 3 entries", error.Message);
    }

    [Fact]
    public void Refuses_files_that_add_up_to_more_than_the_limit()
    {
        var limited = new LayerEntryValidator(LayerLimits.Default with { MaxUnpackedBytes = 1000 });
        limited.Plan(File("a", 600));
        Assert.Throws<LayerRejectedException>(() => limited.Plan(File("b", 600)));
    }

    [Fact]
    public void Refuses_names_longer_than_path_max()
    {
        var name = string.Join('/', Enumerable.Repeat(new string('a', 200), 21));
        var error = Assert.Throws<LayerRejectedException>(() => validator.Plan(File(name)));
        Assert.Contains("PATH_MAX", error.Message);
    }

    [Fact]
    public void Refuses_components_longer_than_name_max()
    {
        var error = Assert.Throws<LayerRejectedException>(() => validator.Plan(File(new string('a', 256))));
        Assert.Contains("NAME_MAX", error.Message);
    }

    [Fact]
    public void Ignores_pax_global_headers() =>
        Assert.Equal(LayerEntryKind.Ignored, validator.Plan(new LayerEntryHeader(TarEntryType.GlobalExtendedAttributes, "pax_global_header")).Kind);
}
