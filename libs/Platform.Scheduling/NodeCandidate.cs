using Platform.Api.Model;

namespace Platform.Scheduling;

/// <summary>What placement knows of one node at the moment of a decision.</summary>
public sealed record NodeCandidate(
    string Name,
    bool Ready,
    bool Unschedulable,
    ResourceAmounts Allocatable,
    ResourceAmounts Allocated,
    int PodCount,
    int MaxPods)
{
    public ResourceAmounts Free => Allocatable - Allocated;
}
