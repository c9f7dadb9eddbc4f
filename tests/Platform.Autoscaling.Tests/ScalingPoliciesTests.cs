using Platform.Api.Model;
using static Platform.Autoscaling.Tests.Pods;

namespace Platform.Autoscaling.Tests;

/// <summary>The rate policies of the Kubernetes documentation's "Configurable scaling behavior" section.</summary>
public class ScalingPoliciesTests
{
    private static HpaScalingRules Rules(string select, params (string Type, int Value, int Period)[] policies) => new()
    {
        SelectPolicy = select,
        Policies = policies.Select(p => new HpaScalingPolicy { Type = p.Type, Value = p.Value, PeriodSeconds = p.Period }).ToList(),
    };

    [Theory]
    [InlineData(1, 5)] // 4 pods beat doubling
    [InlineData(3, 7)]
    [InlineData(4, 8)] // equal
    [InlineData(10, 20)] // doubling beats 4 pods
    public void TheDefaultScaleUpAddsFourPodsOrDoublesWhicheverIsMore(int current, int limit)
    {
        Assert.Equal(limit, ScalingPolicies.ScaleUpLimit(current, new ScalingHistory(), AutoscalingDefaults.ScaleUp(), Now));
    }

    [Theory]
    [InlineData(80, 72)] // more than 40 replicas: 10 % is more than 4 pods
    [InlineData(30, 26)] // fewer than 40: 4 pods is more than 10 %
    public void MaxSelectsThePolicyThatAllowsTheMostChange(int current, int limit)
    {
        // The documentation's example: Pods 4 per 60 s and Percent 10 per 60 s for scaling down.
        var rules = Rules(HpaNames.SelectMax, ("Pods", 4, 60), ("Percent", 10, 60));

        Assert.Equal(limit, ScalingPolicies.ScaleDownLimit(current, new ScalingHistory(), rules, Now));
    }

    [Fact]
    public void MinSelectsThePolicyThatAllowsTheLeastChange()
    {
        var rules = Rules(HpaNames.SelectMin, ("Pods", 4, 60), ("Percent", 10, 60));

        Assert.Equal(76, ScalingPolicies.ScaleDownLimit(80, new ScalingHistory(), rules, Now));
        Assert.Equal(27, ScalingPolicies.ScaleDownLimit(30, new ScalingHistory(), rules, Now));
    }

    [Fact]
    public void TenPercentOfEightyThenOfSeventyTwo()
    {
        // "if there are 80 replicas and the target has to be scaled down to 10 replicas then during the first step 8
        // replicas will be reduced. In the next iteration when the number of replicas is 72, 10% of the pods is 7.2 but
        // the number is rounded up to 8."
        var rules = Rules(HpaNames.SelectMax, ("Percent", 10, 60));
        var history = new ScalingHistory();

        var first = ScalingPolicies.ScaleDownLimit(80, history, rules, Now);
        history.Record(80, first, Now);
        var withinPeriod = ScalingPolicies.ScaleDownLimit(first, history, rules, Now.AddSeconds(30));
        var nextPeriod = ScalingPolicies.ScaleDownLimit(first, history, rules, Now.AddSeconds(61));

        Assert.Equal(72, first);
        Assert.Equal(72, withinPeriod); // the period started at 80: 10 % of it is already spent
        Assert.Equal(64, nextPeriod);
    }

    [Fact]
    public void ChangesInsideThePeriodUseUpTheAllowance()
    {
        var rules = Rules(HpaNames.SelectMax, ("Pods", 4, 15));
        var history = new ScalingHistory();
        history.Record(2, 5, Now.AddSeconds(-10));

        Assert.Equal(6, ScalingPolicies.ScaleUpLimit(5, history, rules, Now)); // started the period at 2: at most 6
        Assert.Equal(9, ScalingPolicies.ScaleUpLimit(5, history, rules, Now.AddSeconds(6)));
    }

    [Fact]
    public void DisabledForbidsTheDirection()
    {
        var rules = Rules(HpaNames.SelectDisabled, ("Percent", 100, 15));

        Assert.Equal(7, ScalingPolicies.ScaleDownLimit(7, new ScalingHistory(), rules, Now));
        Assert.Equal(7, ScalingPolicies.ScaleUpLimit(7, new ScalingHistory(), rules, Now));
    }

    [Fact]
    public void TheDefaultScaleDownMayRemoveEverything()
    {
        Assert.Equal(0, ScalingPolicies.ScaleDownLimit(9, new ScalingHistory(), AutoscalingDefaults.ScaleDown(), Now));
    }
}
