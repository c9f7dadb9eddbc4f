using System.Diagnostics;

namespace Platform.EndToEnd.Tests.Infrastructure;

/// <summary>Runs the real platformctl against the test cluster, as a user would.</summary>
public sealed class PlatformCli(Uri server, string token, string home)
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    public async Task<Result> RunAsync(string? input, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(RepositoryLayout.CliAssembly);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["PLATFORM_SERVER"] = server.ToString();
        info.Environment["PLATFORM_TOKEN"] = token;
        info.Environment["PLATFORM_CONFIG"] = Path.Combine(home, "no-cli-config");
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(input ?? string.Empty);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await output, await errors);
    }
}
