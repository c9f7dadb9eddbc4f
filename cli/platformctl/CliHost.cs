using Platform.Cli.Config;
using Platform.Cli.Output;

namespace Platform.Cli;

/// <summary>
/// Everything the CLI takes from the outside world, so tests can supply their own.
/// <paramref name="ErrorIsTerminal"/>: stderr is a terminal, so progress is drawn as bars rather than
/// written as lines, and errors may be red. <paramref name="OutputIsTerminal"/>: stdout is a terminal, so it may be coloured.
/// </summary>
internal sealed record CliHost(
    TextReader In,
    TextWriter Out,
    TextWriter Error,
    CliEnvironment Environment,
    TimeProvider Clock,
    TimeZoneInfo TimeZone,
    Func<HttpMessageHandler> CreateHttpHandler,
    bool ErrorIsTerminal = false,
    bool OutputIsTerminal = false)
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    public Palette OutputColours => Palette.For(OutputIsTerminal, Environment);

    public Palette ErrorColours => Palette.For(ErrorIsTerminal, Environment);

    public static CliHost FromProcess() => new(
        Console.In,
        Console.Out,
        Console.Error,
        CliEnvironment.FromProcess(),
        TimeProvider.System,
        TimeZoneInfo.Local,
        () => new SocketsHttpHandler { ConnectTimeout = ConnectTimeout },
        !Console.IsErrorRedirected,
        !Console.IsOutputRedirected);
}
