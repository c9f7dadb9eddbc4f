using Platform.Api.Model;

namespace Platform.Grains.Workloads;

/// <summary>What the Deployment controller knows of one of its ReplicaSets.</summary>
public sealed record ReplicaSetView(string Name, int SpecReplicas, int Replicas, int Available, int Ready, long Revision);

/// <summary>
/// The Deployment controller's arithmetic, as pure functions after Kubernetes' deployment controller:
/// how far the new ReplicaSet may grow (maxSurge) and how far the old ones may shrink (maxUnavailable),
/// so that a rolling update never leaves fewer than replicas - maxUnavailable pods available.
/// </summary>
public static class RolloutPlanner
{
    private static readonly IntOrString DefaultLimit = IntOrString.FromString("25%");

    /// <summary>maxSurge rounds up and maxUnavailable down; both zero would stall, so unavailable becomes one.</summary>
    public static (int MaxSurge, int MaxUnavailable) Limits(DeploymentSpec spec)
    {
        var desired = spec.Replicas ?? 1;
        if (spec.Strategy?.Type == DeploymentStrategies.Recreate)
        {
            return (0, desired);
        }

        var rolling = spec.Strategy?.RollingUpdate;
        var surge = (rolling?.MaxSurge ?? DefaultLimit).Scaled(desired, roundUp: true) ?? 0;
        var unavailable = (rolling?.MaxUnavailable ?? DefaultLimit).Scaled(desired, roundUp: false) ?? 0;
        if (surge == 0 && unavailable == 0)
        {
            unavailable = 1;
        }

        return (surge, Math.Min(unavailable, desired));
    }

    /// <summary>The replicas each ReplicaSet should have next, by name. Old ReplicaSets are given oldest first.</summary>
    public static IReadOnlyDictionary<string, int> Plan(DeploymentSpec spec, ReplicaSetView current, IReadOnlyList<ReplicaSetView> old)
    {
        var targets = old.ToDictionary(r => r.Name, r => r.SpecReplicas);
        var desired = spec.Replicas ?? 1;
        if (old.All(r => r.SpecReplicas == 0 && r.Replicas == 0))
        {
            targets[current.Name] = desired;
            return targets;
        }

        if (spec.Strategy?.Type == DeploymentStrategies.Recreate)
        {
            foreach (var r in old)
            {
                targets[r.Name] = 0;
            }

            // The new pods start only once every old pod is gone.
            targets[current.Name] = old.All(r => r.Replicas == 0) ? desired : current.SpecReplicas;
            return targets;
        }

        var (surge, unavailable) = Limits(spec);
        var newTarget = ScaleUpNew(desired, surge, current, old);
        targets[current.Name] = newTarget;
        ScaleDownOld(desired, unavailable, current with { SpecReplicas = newTarget }, old, targets);
        return targets;
    }

    private static int ScaleUpNew(int desired, int surge, ReplicaSetView current, IReadOnlyList<ReplicaSetView> old)
    {
        if (current.SpecReplicas >= desired)
        {
            return desired;
        }

        var allPods = current.SpecReplicas + old.Sum(r => r.SpecReplicas);
        var maxTotal = desired + surge;
        if (allPods >= maxTotal)
        {
            return current.SpecReplicas;
        }

        return current.SpecReplicas + Math.Min(maxTotal - allPods, desired - current.SpecReplicas);
    }

    private static void ScaleDownOld(int desired, int unavailable, ReplicaSetView current, IReadOnlyList<ReplicaSetView> old, Dictionary<string, int> targets)
    {
        var minAvailable = desired - unavailable;
        var allPods = current.SpecReplicas + old.Sum(r => r.SpecReplicas);
        var newUnavailable = Math.Max(0, current.SpecReplicas - current.Available);
        var maxScaledDown = allPods - minAvailable - newUnavailable;
        if (maxScaledDown <= 0)
        {
            return;
        }

        // First the old pods that are not available anyway: removing them costs no availability.
        var cleaned = 0;
        foreach (var r in old)
        {
            var unhealthy = targets[r.Name] - r.Available;
            if (unhealthy <= 0 || cleaned >= maxScaledDown)
            {
                continue;
            }

            var scale = Math.Min(maxScaledDown - cleaned, unhealthy);
            targets[r.Name] -= scale;
            cleaned += scale;
        }

        // Then available ones, as far as the availability floor allows.
        var available = current.Available + old.Sum(r => Math.Min(r.Available, targets[r.Name]));
        var budget = available - minAvailable;
        foreach (var r in old)
        {
            if (budget <= 0)
            {
                break;
            }

            var scale = Math.Min(targets[r.Name], budget);
            targets[r.Name] -= scale;
            budget -= scale;
        }
    }
}
