using Platform.Oci.References;

namespace Platform.Oci.Tests.References;

public sealed class ImageReferenceTests
{
    private const string Hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("busybox", "127.0.0.1:5000", "busybox", "latest")]
    [InlineData("busybox:latest", "127.0.0.1:5000", "busybox", "latest")]
    [InlineData("busybox:1.36", "127.0.0.1:5000", "busybox", "1.36")]
    [InlineData("team/app:1", "127.0.0.1:5000", "team/app", "1")]
    [InlineData("a/b/c/d:v_1.2-rc", "127.0.0.1:5000", "a/b/c/d", "v_1.2-rc")]
    [InlineData("host:5000/repo:tag", "host:5000", "repo", "tag")]
    [InlineData("host:5000/repo", "host:5000", "repo", "latest")]
    [InlineData("registry.example.com/team/app", "registry.example.com", "team/app", "latest")]
    [InlineData("localhost/app:2", "localhost", "app", "2")]
    [InlineData("localhost:5000/a/b:c", "localhost:5000", "a/b", "c")]
    [InlineData("10.1.2.3:443/x", "10.1.2.3:443", "x", "latest")]
    [InlineData("[::1]:5000/x:y", "[::1]:5000", "x", "y")]
    [InlineData("Registry.Example.com/app", "Registry.Example.com", "app", "latest")]
    [InlineData("my_app/sub-name__x.v2", "127.0.0.1:5000", "my_app/sub-name__x.v2", "latest")]
    [InlineData("docker.io/library/busybox", "docker.io", "library/busybox", "latest")]
    public void Parses_registry_repository_and_tag(string text, string registry, string repository, string tag)
    {
        var reference = ImageReference.Parse(text);
        Assert.Equal((registry, repository, tag), (reference.Registry, reference.Repository, reference.Tag));
        Assert.Null(reference.Digest);
    }

    [Fact]
    public void A_name_without_host_is_not_normalised_to_a_public_registry()
    {
        var reference = ImageReference.Parse("busybox");
        Assert.Equal("127.0.0.1:5000/busybox:latest", reference.ToString());
        Assert.DoesNotContain("library", reference.Repository);
    }

    [Fact]
    public void The_default_registry_is_configurable() =>
        Assert.Equal("10.0.0.1:6000", ImageReference.Parse("team/app:1", "10.0.0.1:6000").Registry);

    [Fact]
    public void Parses_a_digest_reference()
    {
        var reference = ImageReference.Parse($"repo@sha256:{Hex}");
        Assert.Equal(("repo", null), (reference.Repository, reference.Tag));
        Assert.Equal($"sha256:{Hex}", reference.Digest.ToString());
        Assert.Equal($"sha256:{Hex}", reference.ManifestReference);
    }

    [Fact]
    public void Parses_host_port_path_tag_and_digest_together()
    {
        var reference = ImageReference.Parse($"localhost:5000/a/b:c@sha256:{Hex}");
        Assert.Equal(("localhost:5000", "a/b", "c"), (reference.Registry, reference.Repository, reference.Tag));
        Assert.Equal(Hex, reference.Digest!.Value.Hex);
        Assert.Equal($"sha256:{Hex}", reference.ManifestReference);
        Assert.Equal($"localhost:5000/a/b:c@sha256:{Hex}", reference.ToString());
    }

    [Fact]
    public void Tag_references_ask_for_the_tag() =>
        Assert.Equal("v1", ImageReference.Parse("app:v1").ManifestReference);

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("Busybox", "must be lowercase")]
    [InlineData("Team/app", "must be lowercase")]
    [InlineData("host:5000/App", "must be lowercase")]
    [InlineData("app:", "tag")]
    [InlineData("app:-bad", "tag")]
    [InlineData("app:.bad", "tag")]
    [InlineData("app:a b", "tag")]
    [InlineData("a//b", "empty path component")]
    [InlineData("a/", "empty path component")]
    [InlineData("/a", "empty path component")]
    [InlineData("host:5000/", "repository name is missing")]
    [InlineData("-app", "may only hold")]
    [InlineData("app-", "may only hold")]
    [InlineData("a..b", "may only hold")]
    [InlineData("a___b", "may only hold")]
    [InlineData("ho_st:5000/app", "not a valid registry host")]
    [InlineData("host:port/app", "not a valid registry host")]
    [InlineData("app@sha256:abc", "needs 64 hex characters")]
    [InlineData("app@md5:0123456789abcdef0123456789abcdef", "unsupported algorithm")]
    [InlineData("app@sha256", "no algorithm")]
    [InlineData("app@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef", "lowercase hexadecimal")]
    public void Refuses_invalid_references_with_a_clear_reason(string text, string reason)
    {
        var error = Assert.Throws<InvalidReferenceException>(() => ImageReference.Parse(text));
        Assert.Contains(reason, error.Message);
        Assert.Contains($"'{text}'", error.Message);
    }

    [Fact]
    public void Refuses_a_tag_longer_than_128_characters()
    {
        var error = Assert.Throws<InvalidReferenceException>(() => ImageReference.Parse("app:" + new string('t', 129)));
        Assert.Contains("longer than 128", error.Message);
        Assert.Equal(128, ImageReference.Parse("app:" + new string('t', 128)).Tag!.Length);
    }

    [Fact]
    public void Refuses_a_name_longer_than_255_characters()
    {
        var error = Assert.Throws<InvalidReferenceException>(() => ImageReference.Parse(string.Join('/', Enumerable.Repeat(new string('a', 50), 6))));
        Assert.Contains("longer than 255", error.Message);
    }

    [Fact]
    public void TryParse_reports_failure_without_throwing()
    {
        Assert.False(ImageReference.TryParse("UPPER", out var bad));
        Assert.Null(bad);
        Assert.True(ImageReference.TryParse("ok:1", out var good));
        Assert.Equal("ok", good!.Repository);
    }
}
