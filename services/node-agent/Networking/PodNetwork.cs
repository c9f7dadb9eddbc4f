using System.Net;
using Platform.Contracts;
using Platform.Networking;
using Platform.Networking.Dns;
using Platform.Networking.Netlink;
using Platform.NodeAgent.ClusterServices;

namespace Platform.NodeAgent.Networking;

/// <summary>
/// Every pod's network on this node. At start: the node bridge with the subnet's gateway address and
/// the DNS responder on it (Service names first, then pod names). Per pod (the "sandbox", as Kubernetes' pause container): a network
/// namespace kept by a bind mount, which every container of the pod joins; a veth from the bridge into
/// it as eth0; an address from the node's pool; /etc/hosts and /etc/resolv.conf; host ports.
/// Setting up and tearing down are idempotent and work from the files on disk alone, so an agent that
/// restarts can finish or undo what an earlier one began.
/// </summary>
public sealed partial class PodNetwork(
    NetworkSettings settings,
    NodeAgentSettings node,
    HostPortProxy proxy,
    ServiceNames serviceNames,
    ILogger<PodNetwork> logger) : IHostedService, IAsyncDisposable
{
    private const string PodLink = "eth0";
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly AddressPool pool = new(settings.Subnet, settings.AddressesDirectory);
    private readonly PodNames names = new();
    private NetlinkSocket? host;
    private int bridgeIndex;
    private DnsResponder? dns;

    public IDnsNames Names => names;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.Enabled)
        {
            return;
        }

        host = NetlinkSocket.Open();
        bridgeIndex = Links.EnsureBridge(host, settings.Bridge, settings.Subnet.Gateway, settings.Subnet.PrefixLength);
        LogBridgeReady(settings.Bridge, settings.Subnet.ToString());
        try
        {
            dns = DnsResponder.Start(new IPEndPoint(settings.Subnet.Gateway, 53), new DnsNameChain(serviceNames, names));
        }
        catch (System.Net.Sockets.SocketException e)
        {
            // Pods still reach each other by address, and their own name from /etc/hosts.
            LogDnsUnavailable(e, settings.Subnet.Gateway.ToString());
        }

        await Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Pod networks stay: their containers may outlive this agent and a later one takes them over.
        await DisposeAsync();
    }

    /// <summary>Sets up (or finds again) the pod's network; throws <see cref="PodNetworkException"/>, leaving nothing, when it cannot.</summary>
    public async Task<PodSandbox> SetUpAsync(StartPod pod, CancellationToken cancellationToken)
    {
        if (!settings.Enabled || pod.Spec.HostNetwork == true)
        {
            return await SetUpHostNetworkAsync(pod, cancellationToken);
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (PodSandbox.Load(settings.PodDirectory(pod.Uid)) is { } existing && IsIntact(existing))
            {
                Restore(existing);
                return existing;
            }

            return await CreateAsync(pod, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Removes everything of the pod's network (by uid alone, whatever survived); idempotent.</summary>
    public async Task TearDownAsync(string uid)
    {
        await gate.WaitAsync();
        try
        {
            await RemoveAsync(uid);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// At agent start: restores the networks of pods still running (names, host ports), and removes
    /// those of pods this node no longer runs (deleted, finished, or never recorded).
    /// </summary>
    public async Task ReconcileAsync(IReadOnlySet<string> runningUids)
    {
        if (!settings.Enabled)
        {
            return;
        }

        foreach (var uid in KnownUids())
        {
            var sandbox = PodSandbox.Load(settings.PodDirectory(uid));
            if (runningUids.Contains(uid) && sandbox is not null && IsIntact(sandbox))
            {
                Restore(sandbox);
            }
            else if (!runningUids.Contains(uid))
            {
                LogLeftoverRemoved(uid);
                await TearDownAsync(uid);
            }
        }
    }

    private async Task<PodSandbox> CreateAsync(StartPod pod, CancellationToken cancellationToken)
    {
        var directory = settings.PodDirectory(pod.Uid);
        try
        {
            var address = pool.Allocate(pod.Uid);
            var sandbox = new PodSandbox(pod.Uid, pod.Namespace, pod.Name, address.ToString(), settings.NetnsPath(pod.Uid),
                NetworkSettings.HostVethOf(pod.Uid), Path.Combine(directory, "hosts"), Path.Combine(directory, "resolv.conf"),
                PublishedPort.Of(pod.Spec));
            // Recorded first: a crash from here on leaves a record that says what to remove.
            await sandbox.SaveAsync(directory, cancellationToken);
            Plumb(sandbox, address);
            await File.WriteAllTextAsync(sandbox.HostsFile!, PodNames.HostsFile(pod.Namespace, pod.Name, address), cancellationToken);
            await File.WriteAllTextAsync(sandbox.ResolvConfFile!, PodNames.ResolvConf(pod.Namespace, settings.Subnet.Gateway), cancellationToken);
            Restore(sandbox);
            LogPodNetworkReady(pod.Namespace, pod.Name, sandbox.PodIP, sandbox.HostVeth!);
            return sandbox;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await RemoveAsync(pod.Uid);
            throw e as PodNetworkException ?? new PodNetworkException("NetworkSetupError", $"setting up the pod's network: {e.Message}");
        }
        catch
        {
            await RemoveAsync(pod.Uid);
            throw;
        }
    }

    /// <summary>The kernel side: namespace, veth into it as eth0, the address and the default route via the bridge.</summary>
    private void Plumb(PodSandbox sandbox, IPAddress address)
    {
        NetworkNamespace.Create(sandbox.NetnsPath!);
        using (var netns = NetworkNamespace.OpenFd(sandbox.NetnsPath!))
        {
            Links.CreateVethOnBridge(host!, sandbox.HostVeth!, PodLink, netns.Value, bridgeIndex);
        }

        using var inside = NetworkNamespace.OpenSocketIn(sandbox.NetnsPath!);
        Links.ConfigureInside(inside, PodLink, address, settings.Subnet.PrefixLength, settings.Subnet.Gateway);
    }

    /// <summary>What lives in this process only: the pod's DNS names and its host port listeners.</summary>
    private void Restore(PodSandbox sandbox)
    {
        var address = IPAddress.Parse(sandbox.PodIP);
        proxy.Open(sandbox.Uid, address, sandbox.Ports);
        names.Add(sandbox.Uid, sandbox.Namespace, sandbox.Name, address);
    }

    private bool IsIntact(PodSandbox sandbox) =>
        sandbox.NetnsPath is { } netns && NetworkNamespace.IsMounted(netns) && sandbox.HostVeth is { } veth && Links.Exists(host!, veth);

    private async Task RemoveAsync(string uid)
    {
        names.Remove(uid);
        await proxy.CloseAsync(uid);
        if (host is not null)
        {
            Links.Delete(host, NetworkSettings.HostVethOf(uid));
        }

        NetworkNamespace.Delete(settings.NetnsPath(uid));
        pool.Release(uid);
        var directory = settings.PodDirectory(uid);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<PodSandbox> SetUpHostNetworkAsync(StartPod pod, CancellationToken cancellationToken)
    {
        var sandbox = new PodSandbox(pod.Uid, pod.Namespace, pod.Name, node.ListenUrl.Host, null, null, null, null, []);
        if (settings.Enabled)
        {
            // From a pod, the host is reached at the bridge's address.
            names.Add(pod.Uid, pod.Namespace, pod.Name, settings.Subnet.Gateway);
        }

        await Task.CompletedTask.WaitAsync(cancellationToken);
        return sandbox;
    }

    private IEnumerable<string> KnownUids()
    {
        var fromDirectories = new[] { Path.Combine(settings.Directory, "pods"), Path.Combine(settings.Directory, "netns") }
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFileSystemEntries(d).Select(Path.GetFileName));
        return fromDirectories.Concat(pool.Allocations().Select(a => a.Owner))
            .OfType<string>()
            .Where(uid => Guid.TryParseExact(uid, "D", out _))
            .Distinct()
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (dns is not null)
        {
            await dns.DisposeAsync();
            dns = null;
        }

        await proxy.DisposeAsync();
        host?.Dispose();
        host = null;
    }

    [LoggerMessage(LogLevel.Information, "Bridge {Bridge} ready for pod network {Subnet}")]
    private partial void LogBridgeReady(string bridge, string subnet);

    [LoggerMessage(LogLevel.Warning, "No DNS responder on {Address}:53; pods resolve only their own name")]
    private partial void LogDnsUnavailable(Exception e, string address);

    [LoggerMessage(LogLevel.Information, "Pod {Namespace}/{Name} has address {Address} on {Veth}")]
    private partial void LogPodNetworkReady(string @namespace, string name, string address, string veth);

    [LoggerMessage(LogLevel.Information, "Removed the network left by pod {Uid}")]
    private partial void LogLeftoverRemoved(string uid);
}
