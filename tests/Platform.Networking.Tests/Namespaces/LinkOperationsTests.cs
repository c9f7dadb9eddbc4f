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
    public async Task A_local_route_makes_every_address_of_a_range_bindable_and_goes_with_its_removal_or_its_link()
    {
        ConnectPod();
        using var host = NetworkNamespace.OpenSocketIn(HostNs);
        var bridge = Links.IndexOf(host, "br-test");
        var range = Ipv4Subnet.Parse("10.124.0.0/24");

        Links.AddLocalRoute(host, range, bridge);
        Links.AddLocalRoute(host, range, bridge);
        var added = await InNamespace(HostNs, "ip", "route", "show", "table", "local", "10.124.0.0/24");
        // From the pod, through its default route: an address of the range nobody listens on is refused by the host at once.
        var refused = await Tool.RunAsync("nsenter", [$"--net={PodNs}", "/bin/busybox", "nc", "-w", "5", "10.124.0.9", "80"]);
        Links.RemoveLocalRoute(host, range, bridge);
        Links.RemoveLocalRoute(host, range, bridge);
        var removed = await InNamespace(HostNs, "ip", "route", "show", "table", "local", "10.124.0.0/24");
        Links.AddLocalRoute(host, range, bridge);
        Links.Delete(host, "br-test");
        var withLink = await InNamespace(HostNs, "ip", "route", "show", "table", "local", "10.124.0.0/24");

        Assert.StartsWith("local 10.124.0.0/24 dev br-test ", added);
        Assert.Contains("scope host", added);
        Assert.Contains("Connection refused", refused.Errors);
        Assert.Equal(string.Empty, removed);
        Assert.Equal(string.Empty, withLink);
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
    public void Deleting_a_namespace_that_never_existed_in_a_directory_that_never_existed_does_nothing()
    {
        var path = Path.Combine(directory, "never-made", "pod-uid");

        NetworkNamespace.Delete(path);

        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
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
