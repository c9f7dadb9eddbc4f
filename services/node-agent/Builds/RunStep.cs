using System.Diagnostics;
using System.Text.Json;
using Platform.Build.Building;
using Platform.Build.Files;
using Platform.NodeAgent.Runtime;
using Platform.Runtime.Spec;

namespace Platform.NodeAgent.Builds;

/// <summary>
/// RUN: the command runs as a real container with platform-runtime, on an overlay of the image's
/// layers, in its own namespaces with only a loopback network, as root unless USER says otherwise.
/// Its output is streamed line by line; the last lines are kept for the error of a failed command.
/// </summary>
public sealed class RunStep(NodeAgentSettings settings)
{
    private const int LastLines = 15;

    public async Task RunAsync(
        StepDirectory step, IReadOnlyList<string> layers, ImageState state, IReadOnlyList<string> command,
        IReadOnlyDictionary<string, string> buildArgs, string containerId, IBuildOutput output, CancellationToken cancellationToken)
    {
        step.MountWritable(layers);
        var workingDir = string.IsNullOrEmpty(state.Config.WorkingDir) ? "/" : state.Config.WorkingDir;
        // A WORKDIR that no step created yet is made here, in this step's layer, as Docker does.
        Directory.CreateDirectory(RootedPath.Resolve(step.RootFs, workingDir));
        var spec = DefaultSpec.Create(command);
        spec.Process!.Env = Environment(state, buildArgs);
        spec.Process.Cwd = workingDir;
        var (uid, gid) = ResolveUser(state.Config.User, step.RootFs);
        spec.Process.User = new SpecUser { Uid = uid, Gid = gid };
        spec.Root = new SpecRoot { Path = step.RootFs };
        spec.Hostname = "build";
        spec.Linux!.CgroupsPath = $"platform/{containerId}";
        spec.Linux.Resources = new SpecResources { Pids = new SpecPids { Limit = ContainerSpecBuilder.DefaultPidsLimit } };
        await File.WriteAllTextAsync(Path.Combine(step.Bundle, "config.json"), JsonSerializer.Serialize(spec, RuntimeJson.Default.RuntimeSpec), cancellationToken);
        var (exitCode, last) = await RunContainerAsync(step.Bundle, containerId, output, cancellationToken);
        step.Unmount();
        if (exitCode != 0)
        {
            throw new BuildFailedException($"The command '{string.Join(' ', command)}' returned a non-zero code: {exitCode}", last);
        }
    }

    private async Task<(int ExitCode, List<string> Last)> RunContainerAsync(string bundle, string containerId, IBuildOutput output, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(settings.RuntimeBinary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--root", settings.RuntimeStateDirectory, "run", "--bundle", bundle, containerId])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var last = new Queue<string>();
        var gate = new SemaphoreSlim(1);
        async Task PumpAsync(StreamReader reader)
        {
            while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
            {
                await gate.WaitAsync(CancellationToken.None);
                try
                {
                    last.Enqueue(line);
                    if (last.Count > LastLines)
                    {
                        last.Dequeue();
                    }

                    await output.WriteLineAsync(line, CancellationToken.None);
                }
                finally
                {
                    gate.Release();
                }
            }
        }

        var pumps = Task.WhenAll(PumpAsync(process.StandardOutput), PumpAsync(process.StandardError));
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The client went away: the container is killed, then the runtime cleans up and exits.
            using var kill = Process.Start(settings.RuntimeBinary, ["--root", settings.RuntimeStateDirectory, "kill", containerId, "KILL"]);
            await kill.WaitForExitAsync(CancellationToken.None);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }

        await pumps;
        return (process.ExitCode, last.ToList());
    }

    private static List<string> Environment(ImageState state, IReadOnlyDictionary<string, string> buildArgs)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            ["HOSTNAME"] = "build",
        };
        foreach (var (name, value) in buildArgs)
        {
            variables[name] = value;
        }

        foreach (var (name, value) in state.Environment())
        {
            variables[name] = value;
        }

        return variables.Select(v => $"{v.Key}={v.Value}").ToList();
    }

    public static (uint Uid, uint Gid) ResolveUser(string? user, string rootfs)
    {
        try
        {
            return ImageUser.Resolve(user, rootfs);
        }
        catch (ContainerStartException e)
        {
            throw new BuildFailedException(e.Message);
        }
    }
}
