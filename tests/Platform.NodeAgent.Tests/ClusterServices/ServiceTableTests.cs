using Platform.Contracts;
using Platform.NodeAgent.ClusterServices;

namespace Platform.NodeAgent.Tests.ClusterServices;

/// <summary>Messages late, twice or out of order, and snapshots: the table ends where the cluster is.</summary>
public sealed class ServiceTableTests
{
    private readonly ServiceTable table = new();

    [Fact]
    public void A_change_is_applied_once_and_an_older_one_is_ignored()
    {
        Assert.True(table.Apply(Changed("web", 10, "10.96.0.1")));
        Assert.False(table.Apply(Changed("web", 10, "10.96.0.1")));
        Assert.False(table.Apply(Changed("web", 9, "10.96.0.9")));

        Assert.Equal("10.96.0.1", table.Find("default", "web")!.ClusterIP);
    }

    [Fact]
    public void A_deletion_stays_deleted_when_an_older_change_arrives_after_it()
    {
        table.Apply(Changed("web", 10, "10.96.0.1"));
        table.Apply(Deleted("web", 12));
        table.Apply(Changed("web", 11, "10.96.0.1"));

        Assert.Null(table.Find("default", "web"));
        Assert.Empty(table.Services);
    }

    [Fact]
    public void A_snapshot_deletes_what_it_lacks_and_keeps_what_is_newer_than_it()
    {
        table.Apply(Changed("old", 5, "10.96.0.5"));
        table.Apply(Changed("new", 30, "10.96.0.30"));

        table.Apply(Snapshot(20, Routing("kept", 15, "10.96.0.15")));

        Assert.Equal(["default/kept", "default/new"], table.Services.Keys.Order());
        Assert.True(table.FirstSnapshot.IsCompleted);
    }

    [Fact]
    public void Nothing_at_or_below_a_snapshot_is_applied_after_it()
    {
        table.Apply(Snapshot(20));

        Assert.False(table.Apply(Changed("late", 19, "10.96.0.19")));
        Assert.True(table.Apply(Changed("later", 21, "10.96.0.21")));
        Assert.Equal(["default/later"], table.Services.Keys);
    }

    [Fact]
    public void An_older_snapshot_arriving_late_changes_nothing()
    {
        table.Apply(Snapshot(20, Routing("web", 15, "10.96.0.1")));
        table.Apply(Changed("api", 25, "10.96.0.2"));

        table.Apply(Snapshot(10, Routing("gone", 8, "10.96.0.8")));

        Assert.Equal(["default/api", "default/web"], table.Services.Keys.Order());
    }

    [Fact]
    public void Readers_are_told_after_each_change()
    {
        var told = 0;
        table.Changed += () => told++;

        table.Apply(Changed("web", 1, "10.96.0.1"));
        table.Apply(Changed("web", 1, "10.96.0.1"));
        table.Apply(Snapshot(5));

        Assert.Equal(2, told);
        Assert.Empty(table.Services);
    }

    internal static ServiceRouting Routing(string name, long revision, string? clusterIp, params ServiceRoutingPort[] ports) =>
        new("default", name, revision, clusterIp, ports, []);

    private static ServiceRoutingChanged Changed(string name, long revision, string clusterIp) =>
        new("default", name, revision, Routing(name, revision, clusterIp));

    private static ServiceRoutingChanged Deleted(string name, long revision) => new("default", name, revision, null);

    private static ServiceRoutingSnapshot Snapshot(long revision, params ServiceRouting[] services) =>
        new(revision, null, services, DateTimeOffset.UnixEpoch);
}
