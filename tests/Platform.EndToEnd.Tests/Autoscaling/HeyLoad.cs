using System.Diagnostics;

namespace Platform.EndToEnd.Tests.Autoscaling;

/// <summary>
/// HTTP load from hey (Debian's package) on loopback: back-to-back runs of at most 20 s each at a fixed rate
/// (<c>hey -z 20s -c WORKERS -q RATE</c>, RATE per worker) until stopped, so the load lasts as long as the test
/// needs it and never longer than one run after the test is gone. Stop interrupts the run under way (the hey
/// process this class started, by its id), which then prints its summary.
/// </summary>
public sealed class HeyLoad : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly Task running;
    private readonly List<string> summaries = [];

    private HeyLoad(Uri url, int workers, int ratePerWorker, string? host)
    {
        string[] arguments = ["-z", "20s", "-c", $"{workers}", "-q", $"{ratePerWorker}", .. host is null ? Array.Empty<string>() : ["-host", host], url.ToString()];
        running = Task.Run(() => RunAsync(arguments, stopping.Token));
    }

    /// <summary>What each finished run printed (its summary: requests per second, status codes).</summary>
    public IReadOnlyList<string> Summaries
    {
        get
        {
            lock (summaries)
            {
                return summaries.ToList();
            }
        }
    }

    public static HeyLoad Start(Uri url, int workers, int ratePerWorker, string? host = null) => new(url, workers, ratePerWorker, host);

    /// <summary>Ends the load: the run under way is killed and no other starts.</summary>
    public async Task StopAsync()
    {
        await stopping.CancelAsync();
        await running;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stopping.Dispose();
    }

    /// <summary>SIGINT to the hey this class started (by its pid): hey stops and prints its summary, as on Ctrl-C.</summary>
    private static async Task InterruptAsync(Process process)
    {
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private async Task RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var info = new ProcessStartInfo("hey") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info) ?? throw new InvalidOperationException("hey did not start");
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await InterruptAsync(process);
            }

            var summary = await output + await errors;
            lock (summaries)
            {
                summaries.Add(summary);
            }
        }
    }
}
