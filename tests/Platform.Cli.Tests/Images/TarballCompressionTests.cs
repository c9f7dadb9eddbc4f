using Platform.Cli.Images;

namespace Platform.Cli.Tests.Images;

public class TarballCompressionTests
{
    [Theory]
    [InlineData(new byte[] { 0x1f, 0x8b, 0x08, 0 }, "Gzip")]
    [InlineData(new byte[] { 0x28, 0xb5, 0x2f, 0xfd }, "Zstd")]
    [InlineData(new byte[] { (byte)'B', (byte)'Z', (byte)'h', (byte)'9' }, "Bzip2")]
    [InlineData(new byte[] { 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00 }, "Xz")]
    [InlineData(new byte[] { (byte)'b', (byte)'i', (byte)'n', (byte)'/' }, "None")]
    [InlineData(new byte[] { 0x1f }, "None")]
    public void TheFirstBytesTellTheCompression(byte[] head, string expected) =>
        Assert.Equal(expected, TarballCompressions.Detect(head).ToString());
}
