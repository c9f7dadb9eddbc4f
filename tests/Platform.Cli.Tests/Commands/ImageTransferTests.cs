using System.Net;
using System.Text.RegularExpressions;
using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests.Commands;

/// <summary>
/// image import, push, pull and rm against two real registries on loopback: the platform's image
/// store and Debian's docker-registry. Each test uses repositories of its own.
/// </summary>
[Collection(RegistryServersCollection.Name)]
public sealed partial class ImageTransferTests : IDisposable
{
    private readonly RegistryServers _servers;
    private readonly TempDirectory _temp = new();
    private readonly PlatformCtl _cli;

    public ImageTransferTests(RegistryServers servers)
    {
        _servers = servers;
        _cli = new PlatformCtl(servers, _temp.Path);
    }

    private string Docker => _servers.DockerRegistry;

    private string Store => _servers.ImageStore;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ImportPushAndPullBackKeepEveryDigest()
    {
        var imported = await ImportAsync("roundtrip/app:1");
        Assert.Equal(imported, await _servers.ManifestDigestAsync(Store, "roundtrip/app", "1"));

        var pushed = await _cli.SucceedAsync("image", "push", "roundtrip/app:1", $"{Docker}/roundtrip/app:1");
        Assert.Equal([imported], pushed.OutLines);
        Assert.Equal(imported, await _servers.ManifestDigestAsync(Docker, "roundtrip/app", "1"));
        AssertBlobLines(pushed, "Copying blob", "done", 2);

        var pulled = await _cli.SucceedAsync("image", "pull", $"{Docker}/roundtrip/app:1", "roundtrip/copy:2");
        Assert.Equal([imported], pulled.OutLines);
        Assert.Equal(imported, await _servers.ManifestDigestAsync(Store, "roundtrip/copy", "2"));
        AssertBlobLines(pulled, "Copying blob", "done", 2);
    }

    [Fact]
    public async Task ImportShowsOneLinePerStepOnStderrAndOnlyTheDigestOnStdout()
    {
        var tarball = await WriteTarballAsync();

        var result = await _cli.SucceedAsync("image", "import", tarball, "progress/app:1");

        Assert.Single(result.OutLines);
        Assert.Matches(DigestPattern(), result.LastLine);
        Assert.Matches(@"^Reading rootfs\.tar \S+ done$", result.ErrorLines[0]);
        Assert.All(result.ErrorLines[1..], line => Assert.Matches(BlobLine("Pushing blob", "done"), line));
        Assert.Equal(3, result.ErrorLines.Length);
    }

    [Fact]
    public async Task ARepeatedPushMovesNoBlob()
    {
        var digest = await ImportAsync("repush/app:1");
        await _cli.SucceedAsync("image", "push", "repush/app:1", $"{Docker}/repush/app:1");

        var again = await _cli.SucceedAsync("image", "push", "repush/app:1", $"{Docker}/repush/app:1");

        Assert.Equal(digest, again.LastLine);
        AssertBlobLines(again, "Copying blob", "already exists", 2);
    }

    [Fact]
    public async Task PullWithoutANameKeepsTheRemoteRepositoryAndTag()
    {
        var digest = await ImportAsync("samename/source:1");
        await _cli.SucceedAsync("image", "push", "samename/source:1", $"{Docker}/samename/app:7");

        var pulled = await _cli.SucceedAsync("image", "pull", $"{Docker}/samename/app:7");

        Assert.Equal(digest, pulled.LastLine);
        Assert.Equal(digest, await _servers.ManifestDigestAsync(Store, "samename/app", "7"));
    }

    [Fact]
    public async Task APushWithinOneRegistryMountsTheBlobs()
    {
        var digest = await ImportAsync("mount/a:1");

        var copied = await _cli.SucceedAsync("image", "push", "mount/a:1", $"{Store}/mount/b:1");

        Assert.Equal(digest, copied.LastLine);
        Assert.Equal(digest, await _servers.ManifestDigestAsync(Store, "mount/b", "1"));
        AssertBlobLines(copied, "Copying blob", "mounted from mount/a", 2);
    }

    [Fact]
    public async Task AnIndexIsCopiedWithEveryManifestItLists()
    {
        var image = await MultiPlatformImage.PushAsync(Docker, "multi/app", "1");

        var pulled = await _cli.SucceedAsync("image", "pull", $"{Docker}/multi/app:1", "multi/copy:1");

        Assert.Equal(image.Index.Digest.ToString(), pulled.LastLine);
        Assert.Equal(image.Index.Digest.ToString(), await _servers.ManifestDigestAsync(Store, "multi/copy", "1"));
        foreach (var manifest in image.Manifests)
        {
            Assert.Equal(manifest.Digest.ToString(), await _servers.ManifestDigestAsync(Store, "multi/copy", manifest.Digest.ToString()));
        }

        AssertBlobLines(pulled, "Copying blob", "done", 4);
    }

    [Fact]
    public async Task PullOfAnImageInThePlatformsRegistryVerifiesItInPlace()
    {
        var digest = await ImportAsync("verify/app:1");

        var result = await _cli.SucceedAsync("image", "pull", "verify/app:1");

        Assert.Equal([digest], result.OutLines);
        AssertBlobLines(result, "Verifying blob", "verified", 2);
    }

    [Fact]
    public async Task RemoveUntagsAndDeletesAndASecondRemoveFindsNothing()
    {
        var digest = await ImportAsync("remove/app:1");

        var removed = await _cli.SucceedAsync("image", "rm", "remove/app:1");

        Assert.Equal($"Untagged: remove/app:1\nDeleted: {digest}\n", removed.Out);
        Assert.Equal(HttpStatusCode.NotFound, await _servers.GetManifestStatusAsync(Store, "remove/app", "1"));
        Assert.Equal(HttpStatusCode.NotFound, await _servers.GetManifestStatusAsync(Store, "remove/app", digest));

        var again = await _cli.RunAsync("image", "rm", "remove/app:1");

        Assert.Equal(1, again.ExitCode);
        Assert.Equal($"error: image remove/app:1 not found in the registry at {Store}\n", again.Error);
        Assert.Empty(again.Out);
    }

    [Fact]
    public async Task RemoveByDigestUntagsEveryTagOfTheManifest()
    {
        var digest = await ImportAsync("removeall/app:1");
        Assert.Equal(digest, await ImportAsync("removeall/app:2"));
        await ImportAsync("removeall/app:other", TestTarballs.Older);

        var removed = await _cli.SucceedAsync("image", "rm", $"removeall/app@{digest}");

        Assert.Equal($"Untagged: removeall/app:1\nUntagged: removeall/app:2\nDeleted: {digest}\n", removed.Out);
        Assert.NotNull(await _servers.ManifestDigestAsync(Store, "removeall/app", "other"));
    }

    [Fact]
    public async Task CopyingAnImageTheSourceLacksSaysNotFound()
    {
        var result = await _cli.RunAsync("image", "pull", $"{Docker}/missing/app:1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: image {Docker}/missing/app:1 not found in the registry at {Docker}\n", result.Error);
    }

    [Fact]
    public async Task ADestinationByDigestIsRefused()
    {
        var target = $"{Docker}/digest/app@sha256:{new string('a', 64)}";

        var result = await _cli.RunAsync("image", "push", "digest/app:1", target);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: the destination names the image NAME[:TAG], not by digest: \"{target}\"\n", result.Error);
    }

    [Fact]
    public async Task CredentialsWithoutAPasswordAreRefused()
    {
        var result = await _cli.RunAsync("image", "push", "creds/app:1", $"{Docker}/creds/app:1", "--creds", "alice");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: --creds takes USER:PASSWORD\n", result.Error);
    }

    [Fact]
    public async Task RemoveFromAnotherRegistryIsRefused()
    {
        var result = await _cli.RunAsync("image", "rm", $"{Docker}/other/app:1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: image rm deletes from the platform's registry at {Store}; \"{Docker}/other/app:1\" names {Docker}\n", result.Error);
    }

    private async Task<string> ImportAsync(string name, DateTimeOffset? newest = null)
    {
        var result = await _cli.SucceedAsync("image", "import", await WriteTarballAsync(newest), name);
        Assert.Matches(DigestPattern(), result.LastLine);
        return result.LastLine;
    }

    private async Task<string> WriteTarballAsync(DateTimeOffset? newest = null)
    {
        var path = _temp.File("rootfs.tar");
        await File.WriteAllBytesAsync(path, TestTarballs.RootFileSystem(newest));
        return path;
    }

    private static void AssertBlobLines(CliResult result, string action, string outcome, int count)
    {
        Assert.Equal(count, result.ErrorLines.Length);
        Assert.All(result.ErrorLines, line => Assert.Matches(BlobLine(action, outcome), line));
    }

    private static Regex BlobLine(string action, string outcome) =>
        new($"^{Regex.Escape(action)} sha256:[0-9a-f]{{12}}… \\S+ {Regex.Escape(outcome)}$");

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex DigestPattern();
}
