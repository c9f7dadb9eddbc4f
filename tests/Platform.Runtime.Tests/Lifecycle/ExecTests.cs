using Platform.Runtime.Tests.Infrastructure;

namespace Platform.Runtime.Tests.Lifecycle;

/// <summary>`exec` runs a command inside a running container: its namespaces, cgroup, identity and limits.</summary>
public sealed class ExecTests : IDisposable
{
    private readonly RuntimeBinary runtime = new();
    private readonly BusyboxBundle bundle = new("exec sleep 60");

    public void Dispose()
    {
        runtime.Dispose();
        bundle.Dispose();
    }

    [Fact]
    public async Task An_exec_sees_the_containers_pid_1_hostname_root_filesystem_and_cgroup()
    {
        await StartAsync("exec-sees");

        var result = await runtime.RunAsync("exec", "exec-sees", "--", "sh", "-c",
            // Inside the joined cgroup namespace a process in the container's cgroup sees the same paths as its init.
            "cat /proc/1/cmdline | tr '\\0' ' '; echo; hostname; ls /; [ \"$(cat /proc/self/cgroup)\" = \"$(cat /proc/1/cgroup)\" ] && echo same-cgroup");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("sleep 60 \ntest-container\nbin\ndev\netc\nproc\nroot\nsys\ntmp\nsame-cgroup\n", result.Output);
    }

    [Fact]
    public async Task An_exec_gets_the_containers_capabilities_and_no_new_privs_and_the_asked_user_cwd_and_env()
    {
        await StartAsync("exec-identity");

        var result = await runtime.RunAsync("exec", "--user", "1000:1001", "--cwd", "/tmp", "--env", "GREETING=hi", "exec-identity", "--",
            "sh", "-c", "id -u; id -g; pwd; echo $GREETING; echo $PATH; grep -E '^(CapBnd|NoNewPrivs)' /proc/self/status");

        Assert.Equal(0, result.ExitCode);
        var init = await runtime.RunAsync("exec", "exec-identity", "--", "grep", "CapBnd", "/proc/1/status");
        Assert.Equal($"1000\n1001\n/tmp\nhi\n/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n{init.Output}NoNewPrivs:\t1\n", result.Output);
    }

    [Fact]
    public async Task The_exit_code_is_the_commands_and_a_missing_command_gives_127()
    {
        await StartAsync("exec-codes");

        Assert.Equal(3, (await runtime.RunAsync("exec", "exec-codes", "--", "sh", "-c", "exit 3")).ExitCode);
        var missing = await runtime.RunAsync("exec", "exec-codes", "--", "no-such-command");
        Assert.Equal(127, missing.ExitCode);
        Assert.Equal("platform-runtime: exec failed: No such file or directory\n", missing.Errors);
        Assert.Equal(137, (await runtime.RunAsync("exec", "exec-codes", "--", "sh", "-c", "kill -9 $$")).ExitCode);
    }

    [Fact]
    public async Task An_exec_into_a_stopped_container_fails_clearly()
    {
        await StartAsync("exec-stopped");
        Assert.Equal(0, (await runtime.RunAsync("kill", "exec-stopped", "KILL")).ExitCode);
        await Until(async () => (await runtime.RunAsync("state", "exec-stopped")).Output.Contains("\"stopped\"", StringComparison.Ordinal));

        var result = await runtime.RunAsync("exec", "exec-stopped", "--", "true");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("platform-runtime: cannot exec in container \"exec-stopped\": it is stopped, not running\n", result.Errors);
        Assert.Equal(1, (await runtime.RunAsync("exec", "no-such-container", "--", "true")).ExitCode);
    }

    private async Task StartAsync(string id)
    {
        Assert.Equal(0, (await runtime.RunAsync("create", "--bundle", bundle.Save().Directory, id)).ExitCode);
        Assert.Equal(0, (await runtime.RunAsync("start", id)).ExitCode);
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
