using System.CommandLine;
using Platform.Cli.Client;
using Platform.Cli.Config;

namespace Platform.Cli.Commands;

/// <summary>What one running command works with: the parsed line, the API, the settings, the console.</summary>
internal sealed record CliContext(ParseResult ParseResult, ApiClient Api, CliConfig Config, CliHost Host)
{
    public string Namespace => Config.Namespace;

    public TextWriter Out => Host.Out;

    public TextWriter Error => Host.Error;

    public DateTimeOffset Now => Host.Clock.GetUtcNow();

    public T? Get<T>(Option<T> option) => ParseResult.GetValue(option);

    public T? Get<T>(Argument<T> argument) => ParseResult.GetValue(argument);
}
