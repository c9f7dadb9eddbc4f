namespace Platform.EndToEnd.Tests.Infrastructure;

/// <summary>Runs the real platformctl against the test cluster, as a user would.</summary>
public sealed class PlatformCli(Uri server, string token, string home)
{
    public Task<ToolResult> RunAsync(string? input, params string[] arguments) =>
        Tool.RunAsync("dotnet", [RepositoryLayout.CliAssembly, .. arguments], new Dictionary<string, string>
        {
            ["PLATFORM_SERVER"] = server.ToString(),
            ["PLATFORM_TOKEN"] = token,
            ["PLATFORM_CONFIG"] = Path.Combine(home, "no-cli-config"),
        }, input ?? string.Empty);
}
