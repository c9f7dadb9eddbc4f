using System.Diagnostics;

namespace Platform.EndToEnd.Tests.Infrastructure;

/// <summary>Puts busybox:latest into the test cluster's image store with the project's own seed script, as `./platform up` does.</summary>
public static class ImageSeed
{
    public static async Task BusyboxAsync(string registry, string token)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(RepositoryLayout.Script("infra/seed-images.sh"));
        info.Environment["PLATFORM_REGISTRY"] = registry;
        info.Environment["PLATFORM_TOKEN"] = token;
        info.Environment["PLATFORM_CONFIG"] = "/nonexistent/platform-config";
        info.Environment["PLATFORMCTL"] = Path.ChangeExtension(RepositoryLayout.CliAssembly, null);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"infra/seed-images.sh failed ({process.ExitCode}): {await output}{await errors}");
        }
    }
}
