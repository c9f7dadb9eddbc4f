using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Resilience;

/// <summary>
/// A cluster fixture whose start fails tears down what it had started before the failure goes on: CI once lost
/// a whole collection to a start that failed and left its bridge, processes and subnet lease behind.
/// </summary>
public sealed class FailedClusterStartTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task A_start_that_fails_removes_the_processes_bridge_leases_and_home_and_keeps_its_error()
    {
        var cluster = new MisnamedNodeCluster();
        using var watching = new CancellationTokenSource();
        var watch = WatchAsync(cluster, watching.Token);

        var failure = await Assert.ThrowsAsync<TimeoutException>(cluster.InitializeAsync);
        await watching.CancelAsync();
        var seen = await watch;

        Assert.Contains("the node to become Ready", failure.Message, StringComparison.Ordinal);

        // The start got far enough to have made what must go: the agent's bridge and the cluster's processes.
        Assert.True(seen.Bridge, $"the node agent never made bridge {cluster.Bridge} during the start");
        Assert.NotEmpty(seen.Processes);

        Assert.False(Directory.Exists(Path.Combine("/sys/class/net", cluster.Bridge)), $"bridge {cluster.Bridge} is left");
        var left = ProcessesOf(cluster.Home);
        Assert.True(left.Count == 0, "processes of the cluster are left: " + string.Join("; ", left.Select(CommandLine)));
        Assert.False(PodNetworkLease.IsLeased(cluster.PodSubnet), $"the lease of {cluster.PodSubnet} is left");
        Assert.False(PodNetworkLease.IsLeased(cluster.ServiceSubnet), $"the lease of {cluster.ServiceSubnet} is left");
        Assert.False(Directory.Exists(cluster.Home), $"{cluster.Home} is left");

        // xUnit may dispose a fixture whose start failed: the second teardown finds nothing to do and does not fail.
        await cluster.DisposeAsync();
    }

    /// <summary>What existed at some point of the start: the bridge, and the processes of the cluster's home.</summary>
    private static async Task<(bool Bridge, HashSet<int> Processes)> WatchAsync(PlatformCluster cluster, CancellationToken cancellationToken)
    {
        var bridge = false;
        var processes = new HashSet<int>();
        while (!cancellationToken.IsCancellationRequested)
        {
            bridge |= Directory.Exists(Path.Combine("/sys/class/net", cluster.Bridge));
            processes.UnionWith(ProcessesOf(cluster.Home));
            try
            {
                await Task.Delay(Poll, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return (bridge, processes);
    }

    /// <summary>Live processes started for the cluster: each has the cluster's home in its environment (PLATFORM_HOME, the broker's directory).</summary>
    private static List<int> ProcessesOf(string home)
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(directory, "environ")).Contains(home, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or a kernel thread.
            }
        }

        return found;
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return $"{pid} {File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ')}";
        }
        catch (IOException)
        {
            return $"{pid} (gone)";
        }
    }

    /// <summary>
    /// A misconfigured cluster: its agent registers under another name than the one the start waits for, so the
    /// agent runs (and makes its bridge) while the start times out waiting for the node to become Ready.
    /// </summary>
    private sealed class MisnamedNodeCluster() : PlatformCluster(new PlatformClusterOptions
    {
        NodeAgentEnvironment = new Dictionary<string, string> { ["PLATFORM_NODE_NAME"] = "e2e-misnamed-node" },
        NodeReadyTimeout = TimeSpan.FromSeconds(30),
    });
}
