using System.Net;
using Platform.Networking.Netlink;
using Platform.Testing;

namespace Platform.Networking.Tests.Namespaces;

/// <summary>
/// As root, for real: a bridge, a veth into another namespace, addresses, routes and traffic. Both
/// "host" and "pod" are namespaces this test owns (unique paths), so nothing touches the machine's
/// own links, and removing the two namespaces removes everything the test made. Checked with `ip`
/// and `ping` run inside them by nsenter, as an operator would.
/// </summary>
public sealed class LinkOperationsTests : IDisposable
{
    private static readonly IPAddress Gateway = IPAddress.Parse("10.123.0.1");
    private static readonly IPAddress PodAddress = IPAddress.Parse("10.123.0.2");
    private readonly string directory = Directory.CreateTempSubdirectory("platform-netns-").FullName;

    private string HostNs => Path.Combine(directory, "host");

    private string PodNs => Path.Combine(directory, "pod");

    public LinkOperationsTests()
    {
        NetworkNamespace.Create(HostNs);
        NetworkNamespace.Create(PodNs);
    }

    public void Dispose()
    {
        NetworkNamespace.Delete(PodNs);
        NetworkNamespace.Delete(HostNs);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_pod_namespace_on_the_bridge_reaches_the_gateway()
    {
        ConnectPod();

        var address = await InNamespace(PodNs, "ip", "-4", "-o", "addr", "show", "dev", "eth0");
        var route = await InNamespace(PodNs, "ip", "route", "show", "default");
        var members = await InNamespace(HostNs, "ip", "-o", "link", "show", "master", "br-test");
        var ping = await Tool.RunAsync("nsenter", [$"--net={PodNs}", "/bin/busybox", "ping", "-c", "1", "-W", "5", Gateway.ToString()]);

        Assert.Contains("inet 10.123.0.2/24 brd 10.123.0.255", address);
        Assert.Equal("default via 10.123.0.1 dev eth0 \n", route);
        Assert.Contains("pvtest@", members);
        Assert.True(ping.ExitCode == 0, ping.Output + ping.Errors);
    }

    [Fact]
    public async Task Setting_up_twice_gives_the_same_result()
    {
        ConnectPod();
        ConnectPod();

        var links = await InNamespace(HostNs, "ip", "-o", "link", "show", "master", "br-test");

        Assert.Single(links.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("state UP", await InNamespace(PodNs, "ip", "-o", "link", "show", "eth0"));
    }

    [Fact]
    public async Task Deleting_the_host_end_removes_the_pair_and_deleting_twice_is_harmless()
    {
        ConnectPod();
        using var host = NetworkNamespace.OpenSocketIn(HostNs);

        Links.Delete(host, "pvtest");
        Links.Delete(host, "pvtest");

        Assert.False(Links.Exists(host, "pvtest"));
        Assert.Equal(string.Empty, await InNamespace(PodNs, "ip", "-o", "link", "show", "type", "veth"));
    }

    [Fact]
    public async Task A_dummy_link_holds_host_addresses_until_they_or_the_link_are_removed()
    {
        using var host = NetworkNamespace.OpenSocketIn(HostNs);
        var index = Links.RecreateDummy(host, "svc-test");
        Links.AddHostAddress(host, index, IPAddress.Parse("10.124.0.1"));
        Links.AddHostAddress(host, index, IPAddress.Parse("10.124.0.1"));
        Links.AddHostAddress(host, index, IPAddress.Parse("10.124.0.2"));
        Links.RemoveHostAddress(host, index, IPAddress.Parse("10.124.0.2"));
        Links.RemoveHostAddress(host, index, IPAddress.Parse("10.124.0.2"));

        var addresses = await InNamespace(HostNs, "ip", "-4", "-o", "addr", "show", "dev", "svc-test");
        Assert.Single(addresses.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("inet 10.124.0.1/32 scope global svc-test", addresses);
        Assert.Contains("UP", await InNamespace(HostNs, "ip", "-o", "link", "show", "svc-test"));

        // Created afresh, as an agent does at start: what an earlier process left is gone.
        Links.RecreateDummy(host, "svc-test");
        Assert.Equal(string.Empty, await InNamespace(HostNs, "ip", "-4", "-o", "addr", "show", "dev", "svc-test"));

        Links.Delete(host, "svc-test");
        Assert.False(Links.Exists(host, "svc-test"));
    }

    [Fact]
    public void A_deleted_namespace_is_unmounted_and_its_file_gone()
    {
        var path = Path.Combine(directory, "short-lived");
        NetworkNamespace.Create(path);
        Assert.True(NetworkNamespace.IsMounted(path));

        NetworkNamespace.Delete(path);
        NetworkNamespace.Delete(path);

        Assert.False(NetworkNamespace.IsMounted(path));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_missing_link_is_reported_by_name()
    {
        using var pod = NetworkNamespace.OpenSocketIn(PodNs);

        var error = Assert.Throws<NetlinkException>(() => Links.ConfigureInside(pod, "eth9", PodAddress, 24, Gateway));

        Assert.Equal("finding link eth9: No such device", error.Message);
    }

    private void ConnectPod()
    {
        using var host = NetworkNamespace.OpenSocketIn(HostNs);
        var bridge = Links.EnsureBridge(host, "br-test", Gateway, 24);
        using (var pod = NetworkNamespace.OpenFd(PodNs))
        {
            Links.CreateVethOnBridge(host, "pvtest", "eth0", pod.Value, bridge);
        }

        using var inside = NetworkNamespace.OpenSocketIn(PodNs);
        Links.ConfigureInside(inside, "eth0", PodAddress, 24, Gateway);
    }

    private static async Task<string> InNamespace(string netns, params string[] command)
    {
        var result = await Tool.RunAsync("nsenter", [$"--net={netns}", .. command]);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', command)}: {result.Errors}");
        return result.Output;
    }
}
