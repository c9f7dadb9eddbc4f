using Platform.Cli.Output;
using Platform.Oci.References;

namespace Platform.Cli.Tests.Output;

public class ImageColumnsTests
{
    [Fact]
    public void TheTableIsRepositoryTagShortDigestAndSize()
    {
        var rows = new[]
        {
            new ImageRow("busybox", "latest", Digest.Parse("sha256:d27ac1269640f3d8f6e779c779d4abc6343ea8259e02ef9b5834f9d0569126bf"), 1_062_658),
            new ImageRow("team/web", "1.0", Digest.Parse("sha256:0a005fbdb6d00bfdd7a3279f67928ce6a8ca471c20ab5758751b782a5b4a7246"), 200_090_000),
        };

        Assert.Equal(
            "REPOSITORY   TAG      DIGEST         SIZE\n"
            + "busybox      latest   d27ac1269640   1.06MB\n"
            + "team/web     1.0      0a005fbdb6d0   200MB\n",
            ImageColumns.Table(rows));
    }

    [Fact]
    public void AnEmptyRegistryIsTheHeaderAlone() =>
        Assert.Equal("REPOSITORY   TAG   DIGEST   SIZE\n", ImageColumns.Table([]));
}
