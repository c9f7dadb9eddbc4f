using System.Diagnostics;
using System.Text.Json;
using Platform.NodeAgent.Logs;
using Platform.Oci.Registry;
using Platform.Oci.References;
using Platform.Oci.Store;
using Platform.Runtime.Lifecycle;
using Platform.Runtime.Spec;
using Platform.Runtime.State;

namespace Platform.NodeAgent.Runtime;

/// <summary>
/// Runs each container isolated by the kernel: pulls its image (layers unpacked once per node), mounts
/// an overlay of the layers under the container's own upper directory, writes an OCI bundle, and runs
/// it with platform-runtime, the platform's NativeAOT runtime, as a detached shim that stays the
/// container's parent, writes its log and records its exit code, with or without an agent. Forking into namespaces needs a single-threaded process, so
/// it happens there and never in the agent.
/// </summary>
public sealed partial class RuntimeLauncher(
    ImagePuller puller,
    ImageAnnouncer announcer,
    NodeAgentSettings settings,
    ILogger<RuntimeLauncher> logger) : IContainerLauncher
{
    private static readonly TimeSpan ShimStartPoll = TimeSpan.FromMilliseconds(5);

    private readonly StateStore runtimeState = new(settings.RuntimeStateDirectory);

    public string Name => "platform-runtime://0.1.0";

    public bool ContainersOutliveAgent => true;

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
            return await StartShimAsync(launch, bundle, rootfs, cancellationToken);
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

    private async Task<IRunningContainer> StartShimAsync(ContainerLaunch launch, string bundle, string rootfs, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(settings.RuntimeBinary)
        {
            // Redirected and then closed at once: the shim must not hold the agent's own output open.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var exitFile = ShimContainer.ExitFileOf(bundle);
        foreach (var argument in (string[])["--root", settings.RuntimeStateDirectory, "run", "--bundle", bundle, "--log-file", launch.LogPath, "--exit-file", exitFile, launch.ContainerId])
        {
            info.ArgumentList.Add(argument);
        }

        using var shim = LoggedProcess.Start(info);
        shim.StandardInput.Close();
        shim.StandardOutput.Close();
        shim.StandardError.Close();
        // Started once its state exists (running) or its exit file (it failed and said why in the log).
        while (!runtimeState.Exists(launch.ContainerId) && !File.Exists(exitFile))
        {
            if (shim.HasExited && !File.Exists(exitFile))
            {
                throw new ContainerStartException("StartError", $"the runtime shim exited with {shim.ExitCode} before the container started");
            }

            await Task.Delay(ShimStartPoll, cancellationToken);
        }

        return Watch(launch, bundle, rootfs, shim.Id);
    }

    /// <summary>
    /// A container a previous agent process started: its shim still runs it (its state is on disk) or
    /// has recorded how it ended (its exit file). Null when neither is there; its files are then removed.
    /// </summary>
    public Task<IRunningContainer?> AdoptAsync(ContainerLaunch launch, CancellationToken cancellationToken)
    {
        var bundle = Path.Combine(launch.ContainerDirectory, "bundle");
        var rootfs = Path.Combine(bundle, "rootfs");
        if (runtimeState.Exists(launch.ContainerId) || File.Exists(ShimContainer.ExitFileOf(bundle)))
        {
            var pid = runtimeState.Exists(launch.ContainerId) ? runtimeState.Load(launch.ContainerId).Pid : 0;
            return Task.FromResult<IRunningContainer?>(Watch(launch, bundle, rootfs, pid));
        }

        CleanUp(launch.ContainerDirectory, rootfs);
        return Task.FromResult<IRunningContainer?>(null);
    }

    private ShimContainer Watch(ContainerLaunch launch, string bundle, string rootfs, int processId) => new(
        launch.ContainerId,
        bundle,
        runtimeState,
        RunRuntimeAsync,
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
        },
        processId);

    private async Task RunRuntimeAsync(string[] arguments)
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
