using System.CommandLine;
using Platform.Cli.Config;

namespace Platform.Cli.Commands;

/// <summary>The options every command accepts: --namespace and --server.</summary>
internal sealed class GlobalOptions
{
    private readonly Option<string?> _namespace = new("--namespace", "-n")
    {
        Description = "The namespace to use (default: the config file's namespace, else \"default\")",
        Recursive = true,
    };

    private readonly Option<string?> _server = new("--server", "-s")
    {
        Description = "The address of the Platform API (default: $PLATFORM_SERVER, the config file, http://127.0.0.1:8080)",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Add(_namespace);
        root.Add(_server);
    }

    public CliOverrides ReadOverrides(ParseResult parseResult) =>
        new(parseResult.GetValue(_server), parseResult.GetValue(_namespace));
}
