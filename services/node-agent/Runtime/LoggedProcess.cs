using System.Diagnostics;
using Platform.NodeAgent.Logs;

namespace Platform.NodeAgent.Runtime;

/// <summary>
/// A child process whose stdout and stderr are copied into a container log. How it is stopped for good
/// after the grace period is the launcher's choice.
/// </summary>
public sealed class LoggedProcess : IRunningContainer
{
    private readonly Process process;
    private readonly ContainerLogWriter log;
    private readonly Task pumps;
    private readonly Func<Task> forceStop;
    private readonly Func<int, string?> reasonOf;
    private readonly Func<ValueTask> cleanUp;

    public LoggedProcess(Process process, ContainerLogWriter log, Func<Task> forceStop, Func<int, string?> reasonOf, Func<ValueTask> cleanUp)
    {
        this.process = process;
        this.log = log;
        this.forceStop = forceStop;
        this.reasonOf = reasonOf;
        this.cleanUp = cleanUp;
        process.StandardInput.Close();
        pumps = Task.WhenAll(
            log.PumpAsync(process.StandardOutput, LogStream.Stdout),
            log.PumpAsync(process.StandardError, LogStream.Stderr));
    }

    public int ProcessId => process.Id;

    public string? TerminationReason { get; private set; }

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await process.WaitForExitAsync(cancellationToken);
        await pumps.WaitAsync(cancellationToken);
        TerminationReason = reasonOf(process.ExitCode);
        return process.ExitCode;
    }

    public async Task StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        if (process.HasExited)
        {
            return;
        }

        Signals.Terminate(process.Id);
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(gracePeriod);
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await forceStop();
            await process.WaitForExitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await forceStop();
            await process.WaitForExitAsync();
        }

        await pumps.ConfigureAwait(false);
        await log.DisposeAsync();
        process.Dispose();
        await cleanUp();
    }

    /// <summary>Starts a process with piped standard streams, or explains why it could not start.</summary>
    public static Process Start(ProcessStartInfo info)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = true;
        info.UseShellExecute = false;
        try
        {
            return Process.Start(info) ?? throw new ContainerStartException("StartError", "the process did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ContainerStartException("StartError", $"exec: \"{info.FileName}\": {e.Message}");
        }
    }
}
