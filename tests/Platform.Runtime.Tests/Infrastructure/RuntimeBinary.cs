using System.Diagnostics;

namespace Platform.Runtime.Tests.Infrastructure;

/// <summary>Runs the published NativeAOT platform-runtime (or runc) with its own state root, as a user would.</summary>
public sealed class RuntimeBinary : IDisposable
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    public RuntimeBinary()
    {
        StateRoot = Path.Combine("/run", "platform-runtime-test-" + Guid.NewGuid().ToString("N")[..12]);
    }

    public string StateRoot { get; }

    public static string Path_ { get; } = FindBinary();

    /// <summary>
    /// Output goes to files, not pipes: a container started by `create` inherits the runtime's stdio
    /// and would hold a pipe open long after the command returned.
    /// </summary>
    public async Task<Result> RunAsync(params string[] arguments)
    {
        var output = Path.GetTempFileName();
        var errors = Path.GetTempFileName();
        var info = new ProcessStartInfo("sh") { UseShellExecute = false };
        foreach (var argument in (string[])["-c", "out=$1; err=$2; shift 2; exec \"$@\" > \"$out\" 2> \"$err\" < /dev/null", "sh", output, errors, Path_, "--root", StateRoot, .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(info)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            return new Result(process.ExitCode, await File.ReadAllTextAsync(output), await File.ReadAllTextAsync(errors));
        }
        finally
        {
            File.Delete(output);
            File.Delete(errors);
        }
    }

    /// <summary>Removes every container a test left, then the state root.</summary>
    public void Dispose()
    {
        foreach (var id in Directory.Exists(StateRoot) ? Directory.GetDirectories(StateRoot).Select(Path.GetFileName) : [])
        {
            RunAsync("delete", "--force", id!).GetAwaiter().GetResult();
        }

        if (Directory.Exists(StateRoot))
        {
            Directory.Delete(StateRoot, recursive: true);
        }
    }

    private static string FindBinary()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "out", "platform-runtime", "platform-runtime");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("out/platform-runtime/platform-runtime is not published; run infra/publish-runtime.sh (./platform test does)");
    }
}
