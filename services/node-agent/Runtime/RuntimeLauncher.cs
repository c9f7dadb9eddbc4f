using System.Diagnostics;
using System.Text.Json;
using Platform.NodeAgent.Logs;
using Platform.Oci.Registry;
using Platform.Oci.References;
using Platform.Oci.Store;
using Platform.Runtime.Lifecycle;
using Platform.Runtime.Spec;

namespace Platform.NodeAgent.Runtime;

/// <summary>
/// Runs each container isolated by the kernel: pulls its image (layers unpacked once per node), mounts
/// an overlay of the layers under the container's own upper directory, writes an OCI bundle, and runs
/// it with platform-runtime, the platform's NativeAOT runtime, which stays as the container's parent
/// (a shim) and exits with its exit code. Forking into namespaces needs a single-threaded process, so
/// it happens there and never in the agent.
/// </summary>
public sealed partial class RuntimeLauncher(
    ImagePuller puller,
    ImageAnnouncer announcer,
    NodeAgentSettings settings,
    ILogger<RuntimeLauncher> logger) : IContainerLauncher
{
    public string Name => "platform-runtime://0.1.0";

    public async Task<IRunningContainer> StartAsync(ContainerLaunch launch, CancellationToken cancellationToken)
    {
        var image = await PullAsync(launch.Container.Image!, cancellationToken);
        var bundle = Path.Combine(launch.ContainerDirectory, "bundle");
        var rootfs = Path.Combine(bundle, "rootfs");
        CleanUp(launch.ContainerDirectory, rootfs);
        OverlayMount.Mount(image.OverlayLowerDirs, Path.Combine(launch.ContainerDirectory, "upper"), Path.Combine(launch.ContainerDirectory, "work"), rootfs);
        try
        {
            var spec = ContainerSpecBuilder.Build(launch, image.Config.Config, rootfs, $"platform/{launch.ContainerId}");
            Networking.SandboxSpec.Apply(spec, launch.Sandbox);
            await File.WriteAllTextAsync(Path.Combine(bundle, "config.json"), JsonSerializer.Serialize(spec, RuntimeJson.Default.RuntimeSpec), cancellationToken);
            return Start(launch, bundle, rootfs);
        }
        catch
        {
            CleanUp(launch.ContainerDirectory, rootfs);
            throw;
        }
    }

    private async Task<PulledImage> PullAsync(string image, CancellationToken cancellationToken)
    {
        if (!ImageReference.TryParse(image, out var reference, settings.DefaultRegistry))
        {
            throw new ContainerStartException("InvalidImageName", $"invalid image reference \"{image}\"");
        }

        try
        {
            var pulled = await puller.PullAsync(reference!, progress: null, cancellationToken);
            LogPulled(reference!.ToString(), pulled.ManifestDigest.ToString(), pulled.BytesDownloaded, pulled.LayersUnpacked);
            await announcer.AnnounceAsync(reference, pulled, cancellationToken);
            return pulled;
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // A registry error, a digest that does not match, a manifest or layer refused as unsafe: all ErrImagePull.
            throw new ContainerStartException("ErrImagePull", $"pulling image \"{image}\": {e.Message}");
        }
    }

    private LoggedProcess Start(ContainerLaunch launch, string bundle, string rootfs)
    {
        var info = new ProcessStartInfo(settings.RuntimeBinary);
        foreach (var argument in (string[])["--root", settings.RuntimeStateDirectory, "run", "--bundle", bundle, launch.ContainerId])
        {
            info.ArgumentList.Add(argument);
        }

        var process = LoggedProcess.Start(info);
        return new LoggedProcess(
            process,
            new ContainerLogWriter(launch.LogPath),
            forceStop: () => KillAsync(launch.ContainerId),
            reasonOf: exitCode => exitCode == 137 && File.Exists(Path.Combine(bundle, ContainerRun.OomKilledMarker)) ? "OOMKilled" : null,
            cleanUp: () =>
            {
                try
                {
                    CleanUp(launch.ContainerDirectory, rootfs);
                }
                catch (IOException e)
                {
                    LogCleanUpFailed(e, launch.ContainerId);
                }

                return ValueTask.CompletedTask;
            });
    }

    /// <summary>
    /// After an agent crash: the containers it ran are still running under their runtime shims, with
    /// their overlays mounted. They are killed and deleted, and their files removed.
    /// </summary>
    public async Task RemoveLeftoversAsync(ContainerLaunch launch)
    {
        await RunRuntimeAsync("delete", "--force", launch.ContainerId);
        CleanUp(launch.ContainerDirectory, Path.Combine(launch.ContainerDirectory, "bundle", "rootfs"));
    }

    /// <summary>SIGKILL to the container's init through the runtime, which then cleans up and exits.</summary>
    private Task KillAsync(string containerId) => RunRuntimeAsync("kill", containerId, "KILL");

    private async Task RunRuntimeAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo(settings.RuntimeBinary) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])["--root", settings.RuntimeStateDirectory, .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        using var runtime = Process.Start(info)!;
        await runtime.WaitForExitAsync();
    }

    /// <summary>The container's writable layer goes with the container: unmount, then remove what was left.</summary>
    private static void CleanUp(string containerDirectory, string rootfs)
    {
        OverlayMount.Unmount(rootfs);
        if (OverlayMount.IsMounted(rootfs))
        {
            // Never delete recursively through a live mount.
            throw new IOException($"{rootfs} is still mounted; leaving the container's files in place");
        }

        foreach (var directory in new[] { "bundle", "upper", "work" })
        {
            var path = Path.Combine(containerDirectory, directory);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Container {Container} exited but its files could not be removed")]
    private partial void LogCleanUpFailed(Exception e, string container);

    [LoggerMessage(LogLevel.Information, "Image {Image} ready ({Digest}): {Bytes} bytes downloaded, {Layers} layers unpacked")]
    private partial void LogPulled(string image, string digest, long bytes, int layers);
}
