using System.ComponentModel;
using System.Diagnostics;
using Platform.NodeAgent.Logs;

namespace Platform.NodeAgent.Runtime;

/// <summary>
/// The walking skeleton's launcher: the container's command runs as a plain child process of the
/// agent, without isolation. Output is captured to the container's log.
/// </summary>
public sealed class ProcessLauncher : IContainerLauncher
{
    public string Name => "process://0.1.0";

    public Task<IRunningContainer> StartAsync(ContainerLaunch launch, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(launch.WorkingDirectory);
        var info = new ProcessStartInfo(launch.Command[0])
        {
            WorkingDirectory = launch.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in launch.Command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Clear();
        foreach (var (name, value) in launch.Environment)
        {
            info.Environment[name] = value;
        }

        try
        {
            var process = Process.Start(info) ?? throw new ContainerStartException("StartError", "the process did not start");
            process.StandardInput.Close();
            IRunningContainer running = new RunningProcess(process, new ContainerLogWriter(launch.LogPath));
            return Task.FromResult(running);
        }
        catch (Win32Exception e)
        {
            throw new ContainerStartException("StartError", $"exec: \"{launch.Command[0]}\": {e.Message}");
        }
    }

    private sealed class RunningProcess : IRunningContainer
    {
        private readonly Process process;
        private readonly ContainerLogWriter log;
        private readonly Task pumps;

        public RunningProcess(Process process, ContainerLogWriter log)
        {
            this.process = process;
            this.log = log;
            pumps = Task.WhenAll(
                log.PumpAsync(process.StandardOutput, LogStream.Stdout),
                log.PumpAsync(process.StandardError, LogStream.Stderr));
        }

        public int ProcessId => process.Id;

        public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
        {
            await process.WaitForExitAsync(cancellationToken);
            await pumps.WaitAsync(cancellationToken);
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
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(cancellationToken);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await pumps.ConfigureAwait(false);
            await log.DisposeAsync();
            process.Dispose();
        }
    }
}
