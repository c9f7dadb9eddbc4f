using Platform.Cli.Config;

namespace Platform.Cli;

/// <summary>
/// Everything the CLI takes from the outside world, so tests can supply their own.
/// <paramref name="ErrorIsTerminal"/>: stderr is a terminal, so progress is drawn as bars rather than written as lines.
/// </summary>
internal sealed record CliHost(
    TextReader In,
    TextWriter Out,
    TextWriter Error,
    CliEnvironment Environment,
    TimeProvider Clock,
    TimeZoneInfo TimeZone,
    Func<HttpMessageHandler> CreateHttpHandler,
    bool ErrorIsTerminal = false)
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    public static CliHost FromProcess() => new(
        Console.In,
        Console.Out,
        Console.Error,
        CliEnvironment.FromProcess(),
        TimeProvider.System,
        TimeZoneInfo.Local,
        () => new SocketsHttpHandler { ConnectTimeout = ConnectTimeout },
        !Console.IsErrorRedirected);
}
