using Platform.Runtime.Tests.Infrastructure;
using Platform.Testing;

namespace Platform.Runtime.Tests.Isolation;

/// <summary>
/// `linux.namespaces[].path`: a container joins an existing network namespace (a pod's sandbox) instead of
/// getting its own. Each test owns a uniquely named netns (made with `ip`, as a user would) and removes it.
/// </summary>
public sealed class JoinedNamespaceTests : IAsyncLifetime
{
    private readonly RuntimeBinary runtime = new();
    private readonly string netns = "rt-join-" + Guid.NewGuid().ToString("N")[..8];

    private string NetnsPath => $"/run/netns/{netns}";

    public async Task InitializeAsync()
    {
        await Ip("netns", "add", netns);
        try
        {
            await Ip("-n", netns, "link", "add", "probe0", "type", "veth", "peer", "name", "probe1");
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        runtime.Dispose();
        await Tool.RunAsync("ip", ["netns", "delete", netns]);
    }

    [Fact]
    public async Task A_container_joins_an_existing_network_namespace_and_sees_its_links()
    {
        using var bundle = new BusyboxBundle("cat /proc/net/dev");
        Join(bundle, "network", NetnsPath);

        var result = await runtime.RunAsync("run", "--bundle", bundle.Save().Directory, "join-net");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("probe0:", result.Output);
    }

    [Fact]
    public async Task Two_containers_joining_one_namespace_share_it()
    {
        using var first = new BusyboxBundle("ip link set probe0 up", "cat /sys/class/net/probe0/flags");
        using var second = new BusyboxBundle("cat /sys/class/net/probe0/flags");
        Join(first, "network", NetnsPath);
        Join(second, "network", NetnsPath);
        first.Spec.Process!.Capabilities!.Bounding!.Add("CAP_NET_ADMIN");
        first.Spec.Process.Capabilities.Effective!.Add("CAP_NET_ADMIN");
        first.Spec.Process.Capabilities.Permitted!.Add("CAP_NET_ADMIN");

        var up = await runtime.RunAsync("run", "--bundle", first.Save().Directory, "join-first");
        var seen = await runtime.RunAsync("run", "--bundle", second.Save().Directory, "join-second");

        Assert.Equal((0, 0), (up.ExitCode, seen.ExitCode));
        Assert.Equal("0x1003\n", seen.Output);
    }

    [Fact]
    public async Task A_missing_namespace_path_is_refused_and_leaves_nothing()
    {
        using var bundle = new BusyboxBundle("true");
        Join(bundle, "network", "/run/netns/no-such-" + netns);

        var result = await runtime.RunAsync("run", "--bundle", bundle.Save().Directory, "join-missing");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"platform-runtime: cannot open the network namespace /run/netns/no-such-{netns}: No such file or directory\n", result.Errors);
        Assert.False(Directory.Exists(Path.Combine(runtime.StateRoot, "join-missing")), "state was left behind");
        Assert.False(CgroupProbe.Exists(bundle.Spec.Linux!.CgroupsPath!), "a cgroup was left behind");
    }

    [Fact]
    public async Task Joining_a_pid_namespace_is_refused()
    {
        using var bundle = new BusyboxBundle("true");
        Join(bundle, "pid", "/proc/1/ns/pid");

        var result = await runtime.RunAsync("run", "--bundle", bundle.Save().Directory, "join-pid");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("platform-runtime: joining an existing pid namespace (path /proc/1/ns/pid) is not supported\n", result.Errors);
    }

    private static void Join(BusyboxBundle bundle, string type, string path)
    {
        var namespaces = bundle.Spec.Linux!.Namespaces!;
        namespaces.RemoveAll(n => n.Type == type);
        namespaces.Add(new Spec.SpecNamespace { Type = type, Path = path });
    }

    private static async Task Ip(params string[] arguments)
    {
        var result = await Tool.RunAsync("ip", arguments);
        Assert.True(result.ExitCode == 0, $"ip {string.Join(' ', arguments)}: {result.Errors}");
    }
}
