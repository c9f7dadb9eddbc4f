using Platform.Cli.Config;

namespace Platform.Cli.Tests.Commands;

public class ConnectionTests
{
    [Fact]
    public async Task RefusedConnectionIsOneHelpfulLine()
    {
        var error = new StringWriter { NewLine = "\n" };
        var host = new CliHost(
            TextReader.Null,
            TextWriter.Null,
            error,
            CliEnvironment.FromDictionary(new Dictionary<string, string>(), "/nonexistent-home"),
            TimeProvider.System,
            TimeZoneInfo.Utc,
            () => new SocketsHttpHandler());

        var exitCode = await CliApp.RunAsync(["get", "pods", "--server", "http://127.0.0.1:1"], host, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            "error: cannot reach the Platform API at http://127.0.0.1:1 (connection refused); is it running? Start it with ./platform up\n",
            error.ToString());
    }
}
