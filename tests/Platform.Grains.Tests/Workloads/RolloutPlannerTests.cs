using Platform.Api.Model;
using Platform.Grains.Workloads;

namespace Platform.Grains.Tests.Workloads;

public sealed class RolloutPlannerTests
{
    [Theory]
    [InlineData(10, "25%", "25%", 3, 2)]
    [InlineData(3, "25%", "25%", 1, 0)]
    [InlineData(4, "50%", "50%", 2, 2)]
    [InlineData(5, "1", "0", 1, 0)]
    [InlineData(5, "0", "0", 0, 1)]
    public void Limits_round_surge_up_and_unavailable_down_as_kubernetes_does(int replicas, string surge, string unavailable, int expectedSurge, int expectedUnavailable)
    {
        var spec = Spec(replicas, Parse(surge), Parse(unavailable));
        Assert.Equal((expectedSurge, expectedUnavailable), RolloutPlanner.Limits(spec));
    }

    [Fact]
    public void Without_old_replica_sets_the_new_one_simply_gets_the_desired_replicas()
    {
        var plan = RolloutPlanner.Plan(Spec(5, IntOrString.FromInt(1), IntOrString.FromInt(0)), View("new", 2, 2, 2), [View("old", 0, 0, 0)]);
        Assert.Equal(5, plan["new"]);
        Assert.Equal(0, plan["old"]);
    }

    [Fact]
    public void A_rollout_with_surge_one_and_no_unavailability_adds_one_new_pod_and_removes_nothing_until_it_is_available()
    {
        var spec = Spec(3, IntOrString.FromInt(1), IntOrString.FromInt(0));

        var first = RolloutPlanner.Plan(spec, View("new", 0, 0, 0), [View("old", 3, 3, 3)]);
        Assert.Equal(1, first["new"]);
        Assert.Equal(3, first["old"]);

        var waiting = RolloutPlanner.Plan(spec, View("new", 1, 1, 0), [View("old", 3, 3, 3)]);
        Assert.Equal(1, waiting["new"]);
        Assert.Equal(3, waiting["old"]);

        var available = RolloutPlanner.Plan(spec, View("new", 1, 1, 1), [View("old", 3, 3, 3)]);
        Assert.Equal(1, available["new"]);
        Assert.Equal(2, available["old"]);

        var next = RolloutPlanner.Plan(spec, View("new", 1, 1, 1), [View("old", 2, 2, 2)]);
        Assert.Equal(2, next["new"]);
        Assert.Equal(2, next["old"]);
    }

    [Fact]
    public void Unavailable_old_pods_are_removed_before_available_ones()
    {
        var spec = Spec(4, IntOrString.FromInt(0), IntOrString.FromInt(1));
        var plan = RolloutPlanner.Plan(spec, View("new", 0, 0, 0), [View("older", 2, 2, 0), View("old", 2, 2, 2)]);
        // 4 pods, floor 3: one pod may go, and it is an unavailable one (it costs nothing); no available one may.
        Assert.Equal(1, plan["older"]);
        Assert.Equal(2, plan["old"]);

        var healthy = RolloutPlanner.Plan(spec, View("new", 0, 0, 0), [View("older", 2, 2, 2), View("old", 2, 2, 2)]);
        Assert.Equal(1, healthy["older"]);
        Assert.Equal(2, healthy["old"]);
    }

    [Fact]
    public void Every_step_of_a_simulated_rollout_keeps_the_availability_floor_and_the_surge_ceiling()
    {
        var spec = Spec(5, IntOrString.FromString("40%"), IntOrString.FromString("20%"));
        var (surge, unavailable) = RolloutPlanner.Limits(spec);
        var current = View("new", 0, 0, 0);
        var old = View("old", 5, 5, 5);
        for (var step = 0; step < 50 && !(current.Available == 5 && old.SpecReplicas == 0); step++)
        {
            var plan = RolloutPlanner.Plan(spec, current, [old]);
            // Pods appear and become available at once; removed ones disappear at once (the worst case for availability).
            current = View("new", plan["new"], plan["new"], plan["new"]);
            old = View("old", plan["old"], plan["old"], plan["old"]);
            Assert.True(current.SpecReplicas + old.SpecReplicas <= 5 + surge);
            Assert.True(current.Available + old.Available >= 5 - unavailable);
        }

        Assert.Equal((5, 0), (current.Available, old.SpecReplicas));
    }

    [Fact]
    public void Recreate_removes_every_old_pod_before_starting_new_ones()
    {
        var spec = Spec(3, null, null);
        spec.Strategy = new DeploymentStrategy { Type = DeploymentStrategies.Recreate };
        var stopping = RolloutPlanner.Plan(spec, View("new", 0, 0, 0), [View("old", 3, 3, 3)]);
        Assert.Equal((0, 0), (stopping["old"], stopping["new"]));
        var started = RolloutPlanner.Plan(spec, View("new", 0, 0, 0), [View("old", 0, 0, 0)]);
        Assert.Equal(3, started["new"]);
    }

    private static IntOrString Parse(string text) => text.EndsWith('%') ? IntOrString.FromString(text) : IntOrString.FromInt(int.Parse(text));

    private static ReplicaSetView View(string name, int spec, int replicas, int available) => new(name, spec, replicas, available, available, 1);

    private static DeploymentSpec Spec(int replicas, IntOrString? surge, IntOrString? unavailable) => new()
    {
        Replicas = replicas,
        Strategy = new DeploymentStrategy
        {
            Type = DeploymentStrategies.RollingUpdate,
            RollingUpdate = new RollingUpdateDeployment { MaxSurge = surge, MaxUnavailable = unavailable },
        },
    };
}
