namespace Platform.EndToEnd.Tests.Infrastructure;

/// <summary>Runs the real platformctl (the published NativeAOT binary when it is current) against the test cluster, as a user would.</summary>
public sealed class PlatformCli(Uri server, string token, string home, string? registry = null)
{
    public Task<ToolResult> RunAsync(string? input, params string[] arguments) => RunWithAsync(new Dictionary<string, string>(), input, arguments);

    /// <summary>The same with more environment variables.</summary>
    public Task<ToolResult> RunWithAsync(IReadOnlyDictionary<string, string> variables, string? input, params string[] arguments)
    {
        var (fileName, leading) = RepositoryLayout.CliCommand;
        return Tool.RunAsync(fileName, [.. leading, .. arguments], Environment(variables), input ?? string.Empty);
    }

    /// <summary>Starts a command that runs until interrupted (get -w, port-forward).</summary>
    public CliSession Start(params string[] arguments)
    {
        var (fileName, leading) = RepositoryLayout.CliCommand;
        return new CliSession(fileName, [.. leading, .. arguments], Environment(new Dictionary<string, string>()));
    }

    /// <summary>The variables that point a platformctl at this cluster, for a command line run by another tool.</summary>
    public IReadOnlyDictionary<string, string> Variables => Environment(new Dictionary<string, string>());

    private Dictionary<string, string> Environment(IReadOnlyDictionary<string, string> variables)
    {
        var environment = new Dictionary<string, string>(variables)
        {
            ["PLATFORM_SERVER"] = server.ToString(),
            ["PLATFORM_TOKEN"] = token,
            ["PLATFORM_CONFIG"] = ConfigPath,
        };
        if (registry is not null)
        {
            environment["PLATFORM_REGISTRY"] = registry;
        }

        return environment;
    }

    /// <summary>The config file the CLI is pointed at; absent unless a test writes it.</summary>
    public string ConfigPath => Path.Combine(home, "no-cli-config");
}
