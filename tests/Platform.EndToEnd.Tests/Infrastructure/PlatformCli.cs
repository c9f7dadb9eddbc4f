namespace Platform.EndToEnd.Tests.Infrastructure;

/// <summary>Runs the real platformctl (the published NativeAOT binary when it is current) against the test cluster, as a user would.</summary>
public sealed class PlatformCli(Uri server, string token, string home, string? registry = null)
{
    public Task<ToolResult> RunAsync(string? input, params string[] arguments)
    {
        var (fileName, leading) = RepositoryLayout.CliCommand;
        var environment = new Dictionary<string, string>
        {
            ["PLATFORM_SERVER"] = server.ToString(),
            ["PLATFORM_TOKEN"] = token,
            ["PLATFORM_CONFIG"] = ConfigPath,
        };
        if (registry is not null)
        {
            environment["PLATFORM_REGISTRY"] = registry;
        }

        return Tool.RunAsync(fileName, [.. leading, .. arguments], environment, input ?? string.Empty);
    }

    /// <summary>The config file the CLI is pointed at; absent unless a test writes it.</summary>
    public string ConfigPath => Path.Combine(home, "no-cli-config");
}
