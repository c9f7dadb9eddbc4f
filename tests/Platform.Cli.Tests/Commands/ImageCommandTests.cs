using Platform.Cli.Config;
using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests.Commands;

/// <summary>The image commands' failures, each one line and exit code 1; the registry is a closed port.</summary>
public sealed class ImageCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly StringWriter _out = new() { NewLine = "\n" };
    private readonly StringWriter _error = new() { NewLine = "\n" };

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("images")]
    [InlineData("image", "ls")]
    [InlineData("image", "inspect", "busybox")]
    [InlineData("image", "pull", "busybox:latest")]
    public async Task AnUnreachableRegistryIsNamedWithHowToStartIt(params string[] command)
    {
        var exitCode = await RunAsync([.. command, "--registry", "127.0.0.1:1"]);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            "error: cannot reach the image registry at 127.0.0.1:1 (connection refused); is it running? "
            + "Start the platform's image store with ./platform up, or name another registry with --registry or $PLATFORM_REGISTRY\n",
            _error.ToString());
    }

    [Fact]
    public async Task ImportToAnUnreachableRegistryFailsBeforeCompressing()
    {
        var tarball = _temp.File("rootfs.tar");
        await File.WriteAllBytesAsync(tarball, TestTarballs.RootFileSystem());

        var exitCode = await RunAsync(["image", "import", tarball, "busybox:latest"], new() { ["PLATFORM_REGISTRY"] = "127.0.0.1:1" });

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: cannot reach the image registry at 127.0.0.1:1 (connection refused)", _error.ToString());
        Assert.Empty(_out.ToString());
    }

    [Fact]
    public async Task ImportOfAMissingFileSaysWhichFile()
    {
        var exitCode = await RunAsync(["image", "import", "/nonexistent/rootfs.tar", "busybox"]);

        Assert.Equal(1, exitCode);
        Assert.Equal("error: the file \"/nonexistent/rootfs.tar\" does not exist\n", _error.ToString());
    }

    [Fact]
    public async Task ImportNeedsATagNotADigest()
    {
        var tarball = _temp.File("rootfs.tar");
        await File.WriteAllBytesAsync(tarball, TestTarballs.RootFileSystem());
        var name = "busybox@sha256:" + new string('a', 64);

        var exitCode = await RunAsync(["image", "import", tarball, name, "--registry", "127.0.0.1:1"]);

        Assert.Equal(1, exitCode);
        Assert.Equal($"error: import names the new image NAME[:TAG], not by digest: \"{name}\"\n", _error.ToString());
    }

    private Task<int> RunAsync(string[] args, Dictionary<string, string>? variables = null)
    {
        var host = new CliHost(
            TextReader.Null,
            _out,
            _error,
            CliEnvironment.FromDictionary(variables ?? [], _temp.Path),
            TimeProvider.System,
            TimeZoneInfo.Utc,
            () => new SocketsHttpHandler());
        return CliApp.RunAsync(args, host, CancellationToken.None);
    }
}
