using Platform.Cli.Config;

namespace Platform.Cli.Tests.Config;

public sealed class RegistryAddressTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("platformctl-test-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task WithNothingConfiguredItIsTheServersHostOnPort5000()
    {
        var address = await ResolveAsync(flag: null, new Dictionary<string, string>());

        Assert.Equal(new RegistryAddress("127.0.0.1:5000", PlainHttp: true), address);
    }

    [Fact]
    public async Task TheServerCanComeFromTheEnvironment()
    {
        var address = await ResolveAsync(null, new Dictionary<string, string> { ["PLATFORM_SERVER"] = "http://10.0.0.7:8080" });

        Assert.Equal("10.0.0.7:5000", address.Host);
    }

    [Fact]
    public async Task TheConfigFileBeatsTheServer()
    {
        WriteHomeConfig("server: http://10.1.1.1:8080\nregistry: 10.1.1.1:5001\n");

        var address = await ResolveAsync(null, new Dictionary<string, string>());

        Assert.Equal("10.1.1.1:5001", address.Host);
    }

    [Fact]
    public async Task TheEnvironmentBeatsTheConfigFile()
    {
        WriteHomeConfig("registry: 10.1.1.1:5001\n");

        var address = await ResolveAsync(null, new Dictionary<string, string> { ["PLATFORM_REGISTRY"] = "10.2.2.2:5002" });

        Assert.Equal("10.2.2.2:5002", address.Host);
    }

    [Fact]
    public async Task TheFlagBeatsEverything()
    {
        WriteHomeConfig("registry: 10.1.1.1:5001\n");

        var address = await ResolveAsync("10.3.3.3:5003", new Dictionary<string, string> { ["PLATFORM_REGISTRY"] = "10.2.2.2:5002" });

        Assert.Equal("10.3.3.3:5003", address.Host);
    }

    [Fact]
    public async Task AnEmptyVariableCountsAsUnset()
    {
        WriteHomeConfig("registry: 10.1.1.1:5001\n");

        var address = await ResolveAsync("", new Dictionary<string, string> { ["PLATFORM_REGISTRY"] = "" });

        Assert.Equal("10.1.1.1:5001", address.Host);
    }

    [Theory]
    [InlineData("127.0.0.1:5000", "127.0.0.1:5000", false)]
    [InlineData("http://registry.lan:5000", "registry.lan:5000", true)]
    [InlineData("https://registry.example/", "registry.example", false)]
    [InlineData("https://registry.example:443", "registry.example:443", false)]
    [InlineData("localhost:5000", "localhost:5000", false)]
    [InlineData("[::1]:5000", "[::1]:5000", false)]
    public void AddressesAreHostAndPort(string text, string host, bool plainHttp) =>
        Assert.Equal(new RegistryAddress(host, plainHttp), RegistryAddress.Parse(text));

    [Theory]
    [InlineData("http://127.0.0.1:5000/v2")]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("registry")]
    [InlineData("user:pass@127.0.0.1:5000")]
    public void OtherTextIsRefused(string text)
    {
        var error = Assert.Throws<CliException>(() => RegistryAddress.Parse(text));

        Assert.StartsWith($"invalid registry address \"{text}\"", error.Message);
    }

    [Fact]
    public void AnIPv6ServerKeepsItsBrackets() =>
        Assert.Equal("[::1]:5000", RegistryAddress.ForServer(new Uri("http://[::1]:8080/")).Host);

    [Fact]
    public void AnHttpsServerGetsAnHttpsRegistry() =>
        Assert.False(RegistryAddress.ForServer(new Uri("https://platform.example:6443/")).PlainHttp);

    private async Task<RegistryAddress> ResolveAsync(string? flag, Dictionary<string, string> variables)
    {
        var config = await CliConfigResolver.ResolveAsync(
            new CliOverrides(null, null), CliEnvironment.FromDictionary(variables, _home), CancellationToken.None);
        return RegistryAddress.Resolve(flag, config);
    }

    private void WriteHomeConfig(string text)
    {
        Directory.CreateDirectory(Path.Combine(_home, ".platform"));
        File.WriteAllText(Path.Combine(_home, ".platform", "config"), text);
    }
}
