using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Scheduling;

/// <summary>
/// A cluster with two scheduler replicas on the same queue, and a node registered with a label and a
/// NoSchedule taint, so that only pods tolerating it land there.
/// </summary>
public sealed class TwoSchedulerCluster : PlatformCluster
{
    public const string NodeLabel = "platform.io/e2e-pool";
    public const string TaintKey = "dedicated";
    public const string TaintValue = "e2e";

    public TwoSchedulerCluster()
        : base(new PlatformClusterOptions
        {
            Schedulers = 2,
            NodeAgentEnvironment = new Dictionary<string, string>
            {
                ["PLATFORM_NODE_LABELS"] = $"{NodeLabel}=blue",
                ["PLATFORM_NODE_TAINTS"] = $"{TaintKey}={TaintValue}:NoSchedule",
            },
        })
    {
    }
}

[CollectionDefinition(Name)]
public sealed class TwoSchedulerCollection : ICollectionFixture<TwoSchedulerCluster>
{
    public const string Name = "two-schedulers";
}
