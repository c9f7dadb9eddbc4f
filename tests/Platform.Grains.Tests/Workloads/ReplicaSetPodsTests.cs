using Platform.Api.Model;
using Platform.Grains.Abstractions;
using Platform.Grains.Workloads;

namespace Platform.Grains.Tests.Workloads;

public sealed class ReplicaSetPodsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Scale_down_removes_unscheduled_then_pending_then_unready_then_newest_pods_first()
    {
        OwnedPod[] pods =
        [
            Pod("ready-old", PodPhases.Running, ready: true, scheduled: true, age: 60),
            Pod("ready-new", PodPhases.Running, ready: true, scheduled: true, age: 10),
            Pod("unready", PodPhases.Running, ready: false, scheduled: true, age: 30),
            Pod("pending", PodPhases.Pending, ready: false, scheduled: true, age: 30),
            Pod("unscheduled", PodPhases.Pending, ready: false, scheduled: false, age: 30),
        ];

        var order = ReplicaSetPods.ChooseToDelete(pods, 5).Select(p => p.Name);
        Assert.Equal(["unscheduled", "pending", "unready", "ready-new", "ready-old"], order);
    }

    [Fact]
    public void Status_counts_active_ready_and_available_pods()
    {
        var rs = new ReplicaSet { Metadata = new ObjectMeta { Generation = 4 }, Spec = new ReplicaSetSpec { MinReadySeconds = 20 } };
        OwnedPod[] pods =
        [
            Pod("long-ready", PodPhases.Running, ready: true, scheduled: true, age: 60, readyFor: 30),
            Pod("just-ready", PodPhases.Running, ready: true, scheduled: true, age: 60, readyFor: 5),
            Pod("failed", PodPhases.Failed, ready: false, scheduled: true, age: 60),
            Pod("deleting", PodPhases.Running, ready: true, scheduled: true, age: 60, readyFor: 30) with { Deleting = true },
        ];

        var status = ReplicaSetPods.StatusOf(rs, pods, Now);
        Assert.Equal(2, status.Replicas);
        Assert.Equal(2, status.ReadyReplicas);
        Assert.Equal(1, status.AvailableReplicas);
        Assert.Equal(4, status.ObservedGeneration);
    }

    [Fact]
    public void A_pod_from_the_template_is_owned_by_the_replica_set_and_carries_the_template_labels()
    {
        var rs = new ReplicaSet
        {
            Metadata = new ObjectMeta { Name = "web-abc", Namespace = "shop", Uid = "rs-uid" },
            Spec = new ReplicaSetSpec
            {
                Template = new PodTemplateSpec
                {
                    Metadata = new ObjectMeta { Labels = new() { ["app"] = "web" } },
                    Spec = new PodSpec { Containers = [new Container { Name = "main", Image = "busybox" }] },
                },
            },
        };

        var pod = ReplicaSetPods.FromTemplate(rs, "web-abc-xyz12");
        Assert.Equal("shop", pod.Metadata.Namespace);
        Assert.Equal("web", pod.Metadata.Labels!["app"]);
        Assert.Equal("rs-uid", Assert.Single(pod.Metadata.OwnerReferences!).Uid);
        Assert.Equal(RestartPolicies.Always, pod.Spec.RestartPolicy);
        pod.Metadata.Labels["app"] = "changed";
        Assert.Equal("web", rs.Spec.Template.Metadata.Labels!["app"]);
    }

    [Fact]
    public void The_template_hash_ignores_map_order_and_changes_with_the_template()
    {
        var a = new PodTemplateSpec { Metadata = new ObjectMeta { Labels = new() { ["a"] = "1", ["b"] = "2" } } };
        var b = new PodTemplateSpec { Metadata = new ObjectMeta { Labels = new() { ["b"] = "2", ["a"] = "1" } } };
        var c = new PodTemplateSpec { Metadata = new ObjectMeta { Labels = new() { ["a"] = "1", ["b"] = "3" } } };
        Assert.Equal(DeploymentRevisions.TemplateHash(a), DeploymentRevisions.TemplateHash(b));
        Assert.NotEqual(DeploymentRevisions.TemplateHash(a), DeploymentRevisions.TemplateHash(c));
        Assert.Matches("^[bcdf2456789ghjklmnpqrstvwxz]+$", DeploymentRevisions.TemplateHash(a));
    }

    private static OwnedPod Pod(string name, string phase, bool ready, bool scheduled, int age, int readyFor = 0) =>
        new(name, name, phase, ready, false, false, scheduled, ready ? Now.AddSeconds(-readyFor) : null, Now.AddSeconds(-age));
}
