using Platform.Cli.Config;

namespace Platform.Cli.Tests.Config;

public sealed class CliConfigResolverTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("platformctl-test-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task WithNothingConfiguredUsesTheDefaults()
    {
        var config = await ResolveAsync(new CliOverrides(null, null), new Dictionary<string, string>());

        Assert.Equal(new Uri("http://127.0.0.1:8080/"), config.Server);
        Assert.Null(config.Token);
        Assert.Equal("default", config.Namespace);
    }

    [Fact]
    public async Task ConfigFileInTheHomeDirectoryIsRead()
    {
        WriteHomeConfig("server: http://10.1.1.1:9000\ntoken: file-token\nnamespace: shop\n");

        var config = await ResolveAsync(new CliOverrides(null, null), new Dictionary<string, string>());

        Assert.Equal(new Uri("http://10.1.1.1:9000/"), config.Server);
        Assert.Equal("file-token", config.Token);
        Assert.Equal("shop", config.Namespace);
    }

    [Fact]
    public async Task EnvironmentBeatsTheConfigFile()
    {
        WriteHomeConfig("server: http://10.1.1.1:9000\ntoken: file-token\n");
        var env = new Dictionary<string, string>
        {
            ["PLATFORM_SERVER"] = "http://10.2.2.2:9000",
            ["PLATFORM_TOKEN"] = "env-token",
        };

        var config = await ResolveAsync(new CliOverrides(null, null), env);

        Assert.Equal(new Uri("http://10.2.2.2:9000/"), config.Server);
        Assert.Equal("env-token", config.Token);
    }

    [Fact]
    public async Task FlagsBeatEnvironmentAndConfigFile()
    {
        WriteHomeConfig("server: http://10.1.1.1:9000\nnamespace: shop\n");
        var env = new Dictionary<string, string> { ["PLATFORM_SERVER"] = "http://10.2.2.2:9000" };

        var config = await ResolveAsync(new CliOverrides("http://10.3.3.3:9000", "batch"), env);

        Assert.Equal(new Uri("http://10.3.3.3:9000/"), config.Server);
        Assert.Equal("batch", config.Namespace);
    }

    [Fact]
    public async Task PlatformConfigPointsAtAnotherFile()
    {
        WriteHomeConfig("server: http://10.1.1.1:9000\n");
        var other = Path.Combine(_home, "other.yaml");
        await File.WriteAllTextAsync(other, "server: http://10.4.4.4:9000\n");

        var config = await ResolveAsync(new CliOverrides(null, null), new Dictionary<string, string> { ["PLATFORM_CONFIG"] = other });

        Assert.Equal(new Uri("http://10.4.4.4:9000/"), config.Server);
    }

    [Fact]
    public async Task EmptyEnvironmentValuesCountAsUnset()
    {
        WriteHomeConfig("token: file-token\n");

        var config = await ResolveAsync(new CliOverrides(null, null), new Dictionary<string, string> { ["PLATFORM_TOKEN"] = "" });

        Assert.Equal("file-token", config.Token);
    }

    [Fact]
    public async Task MalformedConfigFileIsAReadableError()
    {
        WriteHomeConfig("server: [unclosed\n");

        var error = await Assert.ThrowsAsync<CliException>(() => ResolveAsync(new CliOverrides(null, null), new Dictionary<string, string>()));

        Assert.StartsWith("the config file ", error.Message);
    }

    [Theory]
    [InlineData("127.0.0.1:8080", "http://127.0.0.1:8080/")]
    [InlineData("https://api.example:6443/prefix", "https://api.example:6443/prefix/")]
    public void ServerAddressGetsASchemeAndATrailingSlash(string text, string expected) =>
        Assert.Equal(new Uri(expected), ServerAddress.Parse(text));

    [Fact]
    public void ServerAddressRejectsOtherSchemes() =>
        Assert.Throws<CliException>(() => ServerAddress.Parse("ftp://host:21"));

    private Task<CliConfig> ResolveAsync(CliOverrides overrides, Dictionary<string, string> variables) =>
        CliConfigResolver.ResolveAsync(overrides, CliEnvironment.FromDictionary(variables, _home), CancellationToken.None);

    private void WriteHomeConfig(string text)
    {
        Directory.CreateDirectory(Path.Combine(_home, ".platform"));
        File.WriteAllText(Path.Combine(_home, ".platform", "config"), text);
    }
}
