using System.Diagnostics;

namespace Platform.ImageStore.Tests.Clients;

/// <summary>The skopeo command line (Debian package `skopeo`, installed by infra/run-tests.sh).</summary>
public static class Skopeo
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    public static async Task<Result> RunAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("skopeo")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("skopeo did not start");
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var errors = process.StandardError.ReadToEndAsync(deadline.Token);
        await process.WaitForExitAsync(deadline.Token);
        return new Result(process.ExitCode, await output, await errors);
    }

    /// <summary>Runs skopeo and fails the test with its error output unless it succeeds.</summary>
    public static async Task<string> SucceedAsync(params string[] arguments)
    {
        var result = await RunAsync(arguments);
        Assert.True(result.ExitCode == 0, $"skopeo {string.Join(' ', arguments)} exited {result.ExitCode}: {result.Errors}");
        return result.Output;
    }
}
