using System.Text.Json;
using Platform.Runtime.Tests.Infrastructure;

namespace Platform.Runtime.Tests.Lifecycle;

/// <summary>create, start, state, kill, delete and list, as runc's users drive them.</summary>
public sealed class LifecycleTests : IDisposable
{
    private readonly RuntimeBinary runtime = new();

    public void Dispose() => runtime.Dispose();

    [Fact]
    public async Task A_created_container_waits_for_start_then_runs_until_killed_then_is_deleted()
    {
        using var bundle = new BusyboxBundle("echo started > /tmp/marker", "exec sleep 60");
        var marker = Path.Combine(bundle.Rootfs, "tmp", "marker");

        Assert.Equal(0, (await runtime.RunAsync("create", "--bundle", bundle.Save().Directory, "lifecycle")).ExitCode);
        Assert.Equal("created", await Status("lifecycle"));
        Assert.False(File.Exists(marker), "the process ran before start");

        Assert.Equal(0, (await runtime.RunAsync("start", "lifecycle")).ExitCode);
        await WaitFor(() => File.Exists(marker));
        Assert.Equal("running", await Status("lifecycle"));
        Assert.Contains("lifecycle", (await runtime.RunAsync("list", "-q")).Output, StringComparison.Ordinal);

        var notStopped = await runtime.RunAsync("delete", "lifecycle");
        Assert.Equal(1, notStopped.ExitCode);
        Assert.Contains("that is running", notStopped.Errors, StringComparison.Ordinal);

        Assert.Equal(0, (await runtime.RunAsync("kill", "lifecycle", "KILL")).ExitCode);
        await WaitFor(async () => await Status("lifecycle") == "stopped");
        Assert.Equal(0, (await runtime.RunAsync("delete", "lifecycle")).ExitCode);

        var gone = await runtime.RunAsync("state", "lifecycle");
        Assert.Equal(1, gone.ExitCode);
        Assert.Equal("platform-runtime: container \"lifecycle\" does not exist\n", gone.Errors);
        Assert.False(CgroupProbe.Exists(bundle.Spec.Linux!.CgroupsPath!));
    }

    [Fact]
    public async Task Two_containers_cannot_share_an_id()
    {
        using var bundle = new BusyboxBundle("sleep 60");
        await runtime.RunAsync("create", "--bundle", bundle.Save().Directory, "twice");

        var second = await runtime.RunAsync("create", "--bundle", bundle.Directory, "twice");
        await runtime.RunAsync("delete", "--force", "twice");

        Assert.Equal(1, second.ExitCode);
        Assert.Equal("platform-runtime: container \"twice\" already exists\n", second.Errors);
    }

    private async Task<string?> Status(string id)
    {
        var state = await runtime.RunAsync("state", id);
        return JsonDocument.Parse(state.Output).RootElement.GetProperty("status").GetString();
    }

    private static async Task WaitFor(Func<bool> condition) => await WaitFor(() => Task.FromResult(condition()));

    private static async Task WaitFor(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
