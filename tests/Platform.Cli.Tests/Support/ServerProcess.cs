using System.Diagnostics;
using System.Net;

namespace Platform.Cli.Tests.Support;

/// <summary>
/// A registry server as a real process: its output goes to a log file (shown when it does not come
/// up), it is ready once <c>GET /v2/</c> answers, and disposing kills it and waits for it to exit.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly StreamWriter log;
    private readonly Task pumps;

    private ServerProcess(Process process, StreamWriter log)
    {
        this.process = process;
        this.log = log;
        pumps = Task.WhenAll(PumpAsync(process.StandardOutput), PumpAsync(process.StandardError));
    }

    public static async Task<ServerProcess> StartAsync(
        string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string logPath, string host)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
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

        var log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var server = new ServerProcess(Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start"), log);
        try
        {
            await server.WaitUntilServingAsync(host, logPath);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        await pumps;
        await log.DisposeAsync();
        process.Dispose();
    }

    private async Task WaitUntilServingAsync(string host, string logPath)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.StartInfo.FileName} exited with {process.ExitCode}; see {logPath}");
            }

            try
            {
                using var response = await http.GetAsync($"http://{host}/v2/");
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{process.StartInfo.FileName} did not answer on {host} within {StartTimeout.TotalSeconds:0}s");
    }

    private async Task PumpAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }
}
