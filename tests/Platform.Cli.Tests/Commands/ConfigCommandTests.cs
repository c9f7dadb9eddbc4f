using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests.Commands;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class ConfigCommandTests
{
    [Fact]
    public async Task SetCommandsWriteTheConfigFileOwnerOnlyAndKeepOtherKeys()
    {
        using var home = new TempDirectory();
        var path = Path.Combine(home.Path, ".platform", "config");
        var cli = new OfflineCli(home.Path);

        var server = await cli.RunAsync("config", "set-server", "http://10.0.0.5:8080");
        await cli.RunAsync("config", "set-token", "s3cret");
        await cli.RunAsync("config", "set-namespace", "team-a");

        Assert.Equal($"Property \"server\" set in {path}.\n", server.Out);
        Assert.Equal("server: http://10.0.0.5:8080\ntoken: s3cret\nnamespace: team-a\n", await File.ReadAllTextAsync(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task ViewShowsTheSettingsInUseWithTheTokenRedacted()
    {
        using var home = new TempDirectory();
        var cli = new OfflineCli(home.Path, new Dictionary<string, string> { ["PLATFORM_TOKEN"] = "s3cret" });
        await cli.RunAsync("config", "set-server", "http://10.0.0.5:8080");

        var view = await cli.RunAsync("config", "view", "-n", "team-b");
        var raw = await cli.RunAsync("config", "view", "--raw");

        Assert.Equal(
            $"""
            server: http://10.0.0.5:8080
            namespace: team-b
            registry: 10.0.0.5:5000
            configFile: {home.Path}/.platform/config
            token: REDACTED

            """,
            view.Out);
        Assert.Contains("token: s3cret\n", raw.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KubeconfigNamesServerTokenAndContext()
    {
        using var home = new TempDirectory();
        var cli = new OfflineCli(home.Path, new Dictionary<string, string> { ["PLATFORM_TOKEN"] = "s3cret" });

        var result = await cli.RunAsync("config", "kubeconfig", "--server", "http://127.0.0.1:8080");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("warning: kubectl sends no token to a plain-http server", result.Error, StringComparison.Ordinal);
        Assert.Equal(
            """
            apiVersion: v1
            kind: Config
            preferences: {}
            clusters:
            - name: platform
              cluster:
                server: http://127.0.0.1:8080
            users:
            - name: platform
              user:
                token: s3cret
            contexts:
            - name: platform
              context:
                cluster: platform
                namespace: default
                user: platform
            current-context: platform

            """,
            result.Out);
    }

    [Fact]
    public async Task AnHttpsServerNeedsNoWarning()
    {
        using var home = new TempDirectory();
        var cli = new OfflineCli(home.Path, new Dictionary<string, string> { ["PLATFORM_TOKEN"] = "s3cret" });

        var result = await cli.RunAsync("config", "kubeconfig", "--server", "https://platform.example:8443");

        Assert.Equal((0, string.Empty), (result.ExitCode, result.Error));
        Assert.Contains("    server: https://platform.example:8443\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KubeconfigMergesIntoAnExistingFileKeepingOtherClusters()
    {
        using var home = new TempDirectory();
        var path = home.File("kubeconfig");
        await File.WriteAllTextAsync(path, """
            apiVersion: v1
            kind: Config
            clusters:
            - name: other
              cluster:
                server: https://other:6443
            - name: platform
              cluster:
                server: http://old:1
            users:
            - name: other
              user:
                token: theirs
            contexts:
            - name: other
              context:
                cluster: other
                user: other
            current-context: other
            """);
        var cli = new OfflineCli(home.Path, new Dictionary<string, string> { ["PLATFORM_TOKEN"] = "s3cret" });

        var result = await cli.RunAsync("config", "kubeconfig", "--file", path, "--server", "http://127.0.0.1:8080");

        Assert.Equal($"Context \"platform\" written to {path} and made current.\n", result.Out);
        Assert.Single(result.ErrorLines);
        var written = await File.ReadAllTextAsync(path);
        Assert.Contains("- name: other\n  cluster:\n    server: https://other:6443\n- name: platform\n  cluster:\n    server: http://127.0.0.1:8080\n", written, StringComparison.Ordinal);
        Assert.Contains("token: theirs\n", written, StringComparison.Ordinal);
        Assert.Contains("token: s3cret\n", written, StringComparison.Ordinal);
        Assert.EndsWith("current-context: platform\n", written, StringComparison.Ordinal);
        Assert.DoesNotContain("http://old:1", written, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }
}
