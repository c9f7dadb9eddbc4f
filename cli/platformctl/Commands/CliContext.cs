using System.CommandLine;
using Platform.Cli.Client;
using Platform.Cli.Config;
using Platform.Cli.Resources;

namespace Platform.Cli.Commands;

/// <summary>
/// What one running command works with: the parsed line, the API, the settings, the console. The API
/// client is made on first use, so commands that never call the server (version --client, config,
/// completion) start without building an HTTP stack.
/// </summary>
internal sealed class CliContext(ParseResult parseResult, CliConfig config, CliHost host) : IDisposable
{
    private ApiClient? _api;

    public ParseResult ParseResult => parseResult;

    public CliConfig Config => config;

    public CliHost Host => host;

    public ApiClient Api => _api ??= ApiClient.Create(config, host.CreateHttpHandler());

    public ResourceClient Resources => new(Api);

    public string Namespace => Config.Namespace;

    public TextWriter Out => Host.Out;

    public TextWriter Error => Host.Error;

    public DateTimeOffset Now => Host.Clock.GetUtcNow();

    public T? Get<T>(Option<T> option) => ParseResult.GetValue(option);

    public T? Get<T>(Argument<T> argument) => ParseResult.GetValue(argument);

    public void Dispose() => _api?.Dispose();
}
