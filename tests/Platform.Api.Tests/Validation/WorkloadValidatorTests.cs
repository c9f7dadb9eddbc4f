using Platform.Api.Model;
using Platform.Api.Validation;

namespace Platform.Api.Tests.Validation;

public sealed class WorkloadValidatorTests
{
    [Fact]
    public void A_valid_deployment_passes()
    {
        Assert.Empty(WorkloadValidator.ValidateDeployment(Deployment()));
    }

    [Fact]
    public void A_selector_that_does_not_match_the_template_names_the_template_labels()
    {
        var d = Deployment();
        d.Spec.Template.Metadata.Labels = new() { ["app"] = "other" };
        var error = Assert.Single(WorkloadValidator.ValidateDeployment(d));
        Assert.Equal("spec.template.metadata.labels", error.Field);
    }

    [Fact]
    public void Negative_replicas_a_missing_selector_and_template_errors_are_reported_with_their_paths()
    {
        var d = Deployment();
        d.Spec.Replicas = -1;
        d.Spec.Template.Spec.Containers[0].Image = null;
        var fields = WorkloadValidator.ValidateDeployment(d).Select(e => e.Field).ToList();
        Assert.Contains("spec.replicas", fields);
        Assert.Contains("spec.template.spec.containers[0].image", fields);

        d.Spec.Selector = null;
        Assert.Contains("spec.selector", WorkloadValidator.ValidateDeployment(d).Select(e => e.Field));
    }

    [Fact]
    public void Strategy_limits_must_be_numbers_or_percentages_and_not_both_zero()
    {
        var d = Deployment();
        d.Spec.Strategy = new DeploymentStrategy { RollingUpdate = new RollingUpdateDeployment { MaxSurge = IntOrString.FromString("lots"), MaxUnavailable = IntOrString.FromInt(0) } };
        Assert.Equal("spec.strategy.rollingUpdate.maxSurge", Assert.Single(WorkloadValidator.ValidateDeployment(d)).Field);

        d.Spec.Strategy.RollingUpdate.MaxSurge = IntOrString.FromInt(0);
        Assert.Equal("spec.strategy.rollingUpdate.maxUnavailable", Assert.Single(WorkloadValidator.ValidateDeployment(d)).Field);

        d.Spec.Strategy.Type = "BlueGreen";
        Assert.Contains("spec.strategy.type", WorkloadValidator.ValidateDeployment(d).Select(e => e.Field));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_default_quarter_surge_and_unavailability_is_valid_for_few_replicas(int replicas)
    {
        // Kubernetes compares the values as written (25 is not 0), not the counts they round to.
        var d = Deployment();
        d.Spec.Replicas = replicas;
        WorkloadDefaults.Apply(d, "default");

        Assert.Empty(WorkloadValidator.ValidateDeployment(d));
    }

    [Fact]
    public void The_selector_may_not_change_after_creation()
    {
        var before = new LabelSelector { MatchLabels = new() { ["app"] = "web" } };
        var after = new LabelSelector { MatchLabels = new() { ["app"] = "api" } };
        Assert.Empty(WorkloadValidator.ValidateSelectorUnchanged(before, before));
        Assert.Equal("spec.selector", Assert.Single(WorkloadValidator.ValidateSelectorUnchanged(after, before)).Field);
    }

    private static Deployment Deployment() => new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "default" },
        Spec = new DeploymentSpec
        {
            Replicas = 2,
            Selector = new LabelSelector { MatchLabels = new() { ["app"] = "web" } },
            Template = new PodTemplateSpec
            {
                Metadata = new ObjectMeta { Labels = new() { ["app"] = "web" } },
                Spec = new PodSpec { Containers = [new Container { Name = "main", Image = "busybox" }] },
            },
        },
    };
}
