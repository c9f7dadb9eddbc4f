using Platform.Api.Model;
using Platform.Api.Tests.Support;
using Platform.Api.Validation;

namespace Platform.Api.Tests.Validation;

public class PodValidatorUpdateTests
{
    private static readonly FieldError SpecForbidden = new(
        "spec", "FieldValueForbidden", "Forbidden: pod updates may not change fields other than metadata labels and annotations");

    [Fact]
    public void TheSameSpecHasNoErrors()
    {
        var existing = Stored();
        var updated = Submitted();

        Assert.Empty(PodValidator.ValidateUpdate(updated, existing));
    }

    [Fact]
    public void ANodeNameLeftOutTakesTheBoundOne()
    {
        var existing = Stored();
        existing.Spec.NodeName = "node-a";
        var updated = Submitted();

        Assert.Empty(PodValidator.ValidateUpdate(updated, existing));
        Assert.Equal("node-a", updated.Spec.NodeName);
    }

    [Fact]
    public void ChangedLabelsAndAnnotationsAreAllowed()
    {
        var existing = Stored();
        var updated = Submitted();
        updated.Metadata.Labels = new() { ["app"] = "api", ["track"] = "canary" };
        updated.Metadata.Annotations = null;

        Assert.Empty(PodValidator.ValidateUpdate(updated, existing));
    }

    [Fact]
    public void AChangedCommandIsForbidden()
    {
        var existing = Stored();
        var updated = Submitted();
        updated.Spec.Containers[0].Command = ["sh", "-ec"];

        Assert.Equal([SpecForbidden], PodValidator.ValidateUpdate(updated, existing));
    }

    [Fact]
    public void AChangedImageIsForbidden()
    {
        var existing = Stored();
        var updated = Submitted();
        updated.Spec.Containers[1].Image = "busybox:1.37";

        Assert.Equal([SpecForbidden], PodValidator.ValidateUpdate(updated, existing));
    }

    [Fact]
    public void ADifferentNodeNameIsForbidden()
    {
        var existing = Stored();
        existing.Spec.NodeName = "node-a";
        var updated = Submitted();
        updated.Spec.NodeName = "node-b";

        Assert.Equal([SpecForbidden], PodValidator.ValidateUpdate(updated, existing));
    }

    [Fact]
    public void AnInvalidLabelIsReportedWithoutASpecError()
    {
        var existing = Stored();
        var updated = Submitted();
        updated.Metadata.Labels!["app"] = "-bad";

        var error = Assert.Single(PodValidator.ValidateUpdate(updated, existing));
        Assert.Equal("metadata.labels[app]", error.Field);
        Assert.Equal("FieldValueInvalid", error.Type);
    }

    [Fact]
    public void MetadataAndSpecErrorsAreBothReported()
    {
        var existing = Stored();
        var updated = Submitted();
        updated.Metadata.Name = null;
        updated.Spec.RestartPolicy = RestartPolicies.Never;

        Assert.Equal([FieldError.Required("metadata.name"), SpecForbidden], PodValidator.ValidateUpdate(updated, existing));
    }

    [Fact]
    public void ResourceNamesInAnotherOrderAreTheSameSpec()
    {
        // The same manifest with the memory line above the cpu line: a map's key order means nothing.
        var existing = Stored();
        var updated = Submitted();
        updated.Spec.Containers[0].Resources!.Requests = new() { ["memory"] = "64Mi", ["cpu"] = "250m" };

        Assert.Empty(PodValidator.ValidateUpdate(updated, existing));
    }

    private static Pod Stored()
    {
        var pod = Pods.Valid();
        pod.Spec.RestartPolicy = null;
        pod.Spec.TerminationGracePeriodSeconds = null;
        PodDefaults.Apply(pod, "default");
        pod.Metadata.Uid = "3f1c6f0e-8a0b-4b9c-9d3e-0c6a1f2b3c4d";
        pod.Metadata.ResourceVersion = "7";
        pod.Status = new PodStatus { Phase = PodPhases.Running };
        return pod;
    }

    private static Pod Submitted()
    {
        var pod = Pods.Valid();
        pod.Spec.RestartPolicy = null;
        pod.Spec.TerminationGracePeriodSeconds = null;
        PodDefaults.Apply(pod, "default");
        return pod;
    }
}
