using System.Text;
using Platform.Oci.References;

namespace Platform.Oci.Tests.References;

public sealed class DigestTests
{
    // sha256("hello") and sha512("hello"), as printed by sha256sum and sha512sum.
    private const string HelloSha256 = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
    private const string HelloSha512 = "9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043";

    [Fact]
    public void Computes_sha256_as_algorithm_colon_hex() =>
        Assert.Equal($"sha256:{HelloSha256}", Digest.Compute("hello"u8).ToString());

    [Fact]
    public void Computes_sha512() =>
        Assert.Equal($"sha512:{HelloSha512}", Digest.Compute("hello"u8, Digest.Sha512).ToString());

    [Fact]
    public void Parses_and_compares_by_value()
    {
        var parsed = Digest.Parse($"sha256:{HelloSha256}");
        Assert.Equal(Digest.Compute("hello"u8), parsed);
        Assert.Equal((Digest.Sha256, HelloSha256), (parsed.Algorithm, parsed.Hex));
        Assert.Equal(Digest.Sha512, Digest.Parse($"sha512:{HelloSha512}").Algorithm);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha256")]
    [InlineData("sha256:")]
    [InlineData("sha256:2cf24dba")]
    [InlineData("sha256:2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824")]
    [InlineData("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b982g")]
    [InlineData("sha512:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")]
    [InlineData("md5:5d41402abc4b2a76b9719d911017c592")]
    [InlineData("SHA256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")]
    public void Refuses_malformed_digests(string text)
    {
        Assert.Throws<FormatException>(() => Digest.Parse(text));
        Assert.False(Digest.TryParse(text, out _));
    }

    [Fact]
    public async Task Verifies_a_stream()
    {
        var digest = Digest.Compute("hello"u8);
        Assert.True(await digest.VerifyAsync(new MemoryStream(Encoding.UTF8.GetBytes("hello")), CancellationToken.None));
        Assert.False(await digest.VerifyAsync(new MemoryStream(Encoding.UTF8.GetBytes("hellO")), CancellationToken.None));
        Assert.False(await digest.VerifyAsync(new MemoryStream(), CancellationToken.None));
    }

    [Fact]
    public async Task Verifies_a_large_stream_in_pieces()
    {
        var content = new byte[3 * 1024 * 1024 + 17];
        new Random(1).NextBytes(content);
        var digest = Digest.Compute(content);
        Assert.True(await digest.VerifyAsync(new MemoryStream(content), CancellationToken.None));
        Assert.True(digest.Verify(content));
    }
}
