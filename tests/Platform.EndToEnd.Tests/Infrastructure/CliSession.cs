using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Platform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A platformctl command that keeps running (get -w, port-forward): its output is read line by line as
/// it comes, a test waits for the line it expects, then ends it with SIGINT as Ctrl-C would.
/// </summary>
public sealed class CliSession : IDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly SemaphoreSlim changed = new(0);
    private readonly Task<string> errors;

    public CliSession(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        process = Process.Start(info) ?? throw new InvalidOperationException($"{fileName} did not start");
        _ = ReadAsync();
        errors = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Every line printed so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
            {
                return [.. lines];
            }
        }
    }

    /// <summary>Waits until a line matches (searching from line <paramref name="from"/>); returns its index.</summary>
    public async Task<int> WaitForLineAsync(string pattern, TimeSpan timeout, int from = 0)
    {
        var regex = new Regex(pattern);
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var seen = Lines;
            for (var i = from; i < seen.Count; i++)
            {
                if (regex.IsMatch(seen[i]))
                {
                    return i;
                }
            }

            if (process.HasExited && seen.Count == Lines.Count)
            {
                throw new InvalidOperationException($"platformctl exited ({process.ExitCode}) before printing /{pattern}/; it printed:\n{string.Join('\n', seen)}\n{await errors}");
            }

            try
            {
                await changed.WaitAsync(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"platformctl did not print /{pattern}/ within {timeout}; it printed:\n{string.Join('\n', seen)}");
            }
        }
    }

    /// <summary>Sends SIGINT (Ctrl-C) and returns the exit code and what was written on stderr.</summary>
    /// <summary>Waits for the command to end by itself.</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(deadline.Token);
    }

    public async Task<(int ExitCode, string Errors)> InterruptAsync(TimeSpan timeout)
    {
        if (!process.HasExited)
        {
            // The test's own child, by its pid: the signal a terminal sends on Ctrl-C.
            using var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await errors);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
        changed.Dispose();
    }

    private async Task ReadAsync()
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            lock (lines)
            {
                lines.Add(line);
            }

            changed.Release();
        }

        changed.Release();
    }
}
