namespace Platform.EndToEnd.Tests.Infrastructure;

/// <summary>Puts busybox:latest into the test cluster's image store with the project's own seed script, as `./platform up` does.</summary>
public static class ImageSeed
{
    public static async Task BusyboxAsync(string registry, string token)
    {
        var result = await Tool.RunAsync("bash", [RepositoryLayout.Script("infra/seed-images.sh")], new Dictionary<string, string>
        {
            ["PLATFORM_REGISTRY"] = registry,
            ["PLATFORM_TOKEN"] = token,
            ["PLATFORM_CONFIG"] = "/nonexistent/platform-config",
            ["PLATFORMCTL"] = Path.ChangeExtension(RepositoryLayout.CliAssembly, null),
        });
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"infra/seed-images.sh failed ({result.ExitCode}): {result.Output}{result.Errors}");
        }
    }
}
