namespace Platform.NodeAgent.Networking;

/// <summary>A pod's network could not be set up; the pod fails with this reason and nothing of its network is left.</summary>
public sealed class PodNetworkException(string reason, string message) : Exception(message)
{
    /// <summary>HostPortInUse, NetworkSetupError...</summary>
    public string Reason { get; } = reason;
}
