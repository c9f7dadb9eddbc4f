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

    private const string Pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

    [Fact]
    public async Task KubeconfigNamesTheGatewaysHttpsServerItsCertificateTheTokenAndTheContext()
    {
        using var home = new TempDirectory();
        var cli = new OfflineCli(home.Path, GatewayHome(home));

        var result = await cli.RunAsync("config", "kubeconfig", "--server", "http://127.0.0.1:8080");

        Assert.Equal((0, string.Empty), (result.ExitCode, result.Error));
        Assert.Equal(
            $$"""
            apiVersion: v1
            kind: Config
            preferences: {}
            clusters:
            - name: platform
              cluster:
                server: https://127.0.0.1:6443
                certificate-authority-data: {{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Pem))}}
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
    public async Task KubeconfigTakesTheTlsAddressFromTheEnvironmentOrTheFlags()
    {
        using var home = new TempDirectory();
        var variables = GatewayHome(home);
        variables["PLATFORM_GATEWAY_TLS_URL"] = "https://127.0.0.1:16443";
        var other = home.File("other-ca.crt");
        await File.WriteAllTextAsync(other, Pem.Replace("MIIB", "MIIC", StringComparison.Ordinal));
        var cli = new OfflineCli(home.Path, variables);

        var fromEnvironment = await cli.RunAsync("config", "kubeconfig", "--server", "http://127.0.0.1:8080");
        var fromFlags = await cli.RunAsync("config", "kubeconfig", "--server", "http://127.0.0.1:8080", "--tls-server", "https://gw.example:7443", "--certificate-authority", other);

        Assert.Contains("    server: https://127.0.0.1:16443\n", fromEnvironment.Out, StringComparison.Ordinal);
        Assert.Contains("    server: https://gw.example:7443\n", fromFlags.Out, StringComparison.Ordinal);
        Assert.Contains(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(await File.ReadAllTextAsync(other))), fromFlags.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KubeconfigWithoutTheGatewaysCertificateSaysWhereItLookedAndWritesNothing()
    {
        using var home = new TempDirectory();
        var cli = new OfflineCli(home.Path, new Dictionary<string, string> { ["PLATFORM_TOKEN"] = "s3cret", ["PLATFORM_HOME"] = home.Path });
        var path = home.File("kubeconfig");

        var result = await cli.RunAsync("config", "kubeconfig", "--server", "http://127.0.0.1:8080", "--file", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: the gateway's certificate authority is not at {home.Path}/api-gateway/tls/ca.crt; pass --certificate-authority FILE (a copy of $PLATFORM_HOME/api-gateway/tls/ca.crt from the gateway's machine)\n", result.Error);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task KubeconfigRefusesAPlainHttpTlsServer()
    {
        using var home = new TempDirectory();
        var cli = new OfflineCli(home.Path, GatewayHome(home));

        var result = await cli.RunAsync("config", "kubeconfig", "--tls-server", "http://127.0.0.1:8080");

        Assert.Equal((1, "error: kubectl sends its token only over TLS: --tls-server must be an https address, not \"http://127.0.0.1:8080\"\n"), (result.ExitCode, result.Error));
    }

    /// <summary>A $PLATFORM_HOME holding the gateway's certificate where the gateway writes it, and a token.</summary>
    private static Dictionary<string, string> GatewayHome(TempDirectory home)
    {
        var tls = Directory.CreateDirectory(Path.Combine(home.Path, "gateway-home", "api-gateway", "tls")).FullName;
        File.WriteAllText(Path.Combine(tls, "ca.crt"), Pem);
        return new Dictionary<string, string> { ["PLATFORM_TOKEN"] = "s3cret", ["PLATFORM_HOME"] = Path.Combine(home.Path, "gateway-home") };
    }

    [Fact]
    public async Task AnHttpsServerIsKeptAndTrustedAsTheSystemTrustsIt()
    {
        using var home = new TempDirectory();
        var cli = new OfflineCli(home.Path, new Dictionary<string, string> { ["PLATFORM_TOKEN"] = "s3cret", ["PLATFORM_HOME"] = home.Path });

        var result = await cli.RunAsync("config", "kubeconfig", "--server", "https://platform.example:8443");

        Assert.Equal((0, string.Empty), (result.ExitCode, result.Error));
        Assert.Contains("    server: https://platform.example:8443\n", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("certificate-authority-data", result.Out, StringComparison.Ordinal);
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
        var cli = new OfflineCli(home.Path, GatewayHome(home));

        var result = await cli.RunAsync("config", "kubeconfig", "--file", path, "--server", "http://127.0.0.1:8080");

        Assert.Equal($"Context \"platform\" written to {path} and made current.\n", result.Out);
        Assert.Empty(result.ErrorLines);
        var written = await File.ReadAllTextAsync(path);
        Assert.Contains("- name: other\n  cluster:\n    server: https://other:6443\n- name: platform\n  cluster:\n    server: https://127.0.0.1:6443\n    certificate-authority-data: ", written, StringComparison.Ordinal);
        Assert.Contains("token: theirs\n", written, StringComparison.Ordinal);
        Assert.Contains("token: s3cret\n", written, StringComparison.Ordinal);
        Assert.EndsWith("current-context: platform\n", written, StringComparison.Ordinal);
        Assert.DoesNotContain("http://old:1", written, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }
}
