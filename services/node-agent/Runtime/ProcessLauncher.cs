using System.Diagnostics;
using Platform.NodeAgent.Logs;
using Platform.NodeAgent.Pods;

namespace Platform.NodeAgent.Runtime;

/// <summary>
/// Runs the container's command as a plain child process of the agent, without isolation and without
/// its image: for development on machines where the agent cannot run as root. Selected with
/// PLATFORM_CONTAINER_RUNTIME=process.
/// </summary>
public sealed class ProcessLauncher : IContainerLauncher
{
    public string Name => "process://0.1.0";

    /// <summary>A plain process is the agent's child, with its output piped to it: the agent stops it when it stops.</summary>
    public bool ContainersOutliveAgent => false;

    /// <summary>Nothing to adopt: a plain process does not outlive the agent that knew it.</summary>
    public Task<IRunningContainer?> AdoptAsync(ContainerLaunch launch, CancellationToken cancellationToken) =>
        Task.FromResult<IRunningContainer?>(null);

    public Task<IRunningContainer> StartAsync(ContainerLaunch launch, CancellationToken cancellationToken)
    {
        var command = ContainerCommand.Resolve(launch.Container)
            ?? throw new ContainerStartException("CreateContainerError", "the process launcher needs spec.containers[].command: it does not read images");
        var workingDirectory = launch.Container.WorkingDir ?? Path.Combine(launch.ContainerDirectory, "work");
        Directory.CreateDirectory(workingDirectory);
        var info = new ProcessStartInfo(command[0]) { WorkingDirectory = workingDirectory };
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Clear();
        foreach (var (name, value) in ContainerCommand.Environment(launch.Container, launch.PodName))
        {
            info.Environment[name] = value;
        }

        var process = LoggedProcess.Start(info);
        IRunningContainer running = new LoggedProcess(
            process,
            new ContainerLogWriter(launch.LogPath),
            forceStop: () => Task.Run(() => process.Kill(entireProcessTree: true)),
            reasonOf: _ => null,
            cleanUp: () => ValueTask.CompletedTask);
        return Task.FromResult(running);
    }
}
