using Platform.Api.Model;
using Platform.Api.Tests.Support;
using Platform.Api.Validation;

namespace Platform.Api.Tests.Validation;

public class PodValidatorCreateTests
{
    private const string SubdomainProblem =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

    private const string LabelProblem =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";

    private const string QuantityProblem =
        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    [Fact]
    public void AValidPodHasNoErrors() =>
        Assert.Empty(PodValidator.ValidateCreate(Pods.Valid()));

    [Fact]
    public void AValidPodWithDefaultsAppliedHasNoErrors()
    {
        var pod = Pods.Valid();
        pod.Spec.RestartPolicy = null;
        pod.Spec.TerminationGracePeriodSeconds = null;
        PodDefaults.Apply(pod, "team-a");

        Assert.Empty(PodValidator.ValidateCreate(pod));
        Assert.Equal("v1", pod.ApiVersion);
        Assert.Equal("Pod", pod.Kind);
        Assert.Equal("team-a", pod.Metadata.Namespace);
        Assert.Equal("Always", pod.Spec.RestartPolicy);
        Assert.Equal(30, pod.Spec.TerminationGracePeriodSeconds);
    }

    [Fact]
    public void DefaultsKeepWhatThePodSets()
    {
        var pod = Pods.Valid();
        PodDefaults.Apply(pod, "default");

        Assert.Equal("OnFailure", pod.Spec.RestartPolicy);
        Assert.Equal(10, pod.Spec.TerminationGracePeriodSeconds);
    }

    [Fact]
    public void ADottedNameIsValid()
    {
        var pod = Pods.Valid();
        pod.Metadata.Name = "web.example-1";

        Assert.Empty(PodValidator.ValidateCreate(pod));
    }

    [Fact]
    public void ANameOf253CharactersIsValid()
    {
        var pod = Pods.Valid();
        pod.Metadata.Name = new string('a', 253);

        Assert.Empty(PodValidator.ValidateCreate(pod));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void MissingName(string? name)
    {
        var pod = Pods.Valid();
        pod.Metadata.Name = name;

        AssertSingle(pod, "metadata.name", "FieldValueRequired", "Required value");
    }

    [Theory]
    [InlineData("Web")]
    [InlineData("web_1")]
    [InlineData("-web")]
    [InlineData("web.")]
    [InlineData("web 1")]
    public void InvalidName(string name)
    {
        var pod = Pods.Valid();
        pod.Metadata.Name = name;

        AssertSingle(pod, "metadata.name", "FieldValueInvalid", $"Invalid value: \"{name}\": {SubdomainProblem}");
    }

    [Fact]
    public void NameOf254Characters()
    {
        var pod = Pods.Valid();
        var name = new string('a', 254);
        pod.Metadata.Name = name;

        AssertSingle(pod, "metadata.name", "FieldValueInvalid", $"Invalid value: \"{name}\": must be no more than 253 characters");
    }

    [Theory]
    [InlineData("Team-A")]
    [InlineData("team.a")]
    [InlineData("team_a")]
    public void InvalidNamespace(string ns)
    {
        var pod = Pods.Valid();
        pod.Metadata.Namespace = ns;

        AssertSingle(pod, "metadata.namespace", "FieldValueInvalid", $"Invalid value: \"{ns}\": {LabelProblem}");
    }

    [Fact]
    public void NamespaceOf64Characters()
    {
        var pod = Pods.Valid();
        var ns = new string('n', 64);
        pod.Metadata.Namespace = ns;

        AssertSingle(pod, "metadata.namespace", "FieldValueInvalid", $"Invalid value: \"{ns}\": must be no more than 63 characters");
    }

    [Fact]
    public void NoContainers()
    {
        var pod = Pods.Valid();
        pod.Spec.Containers.Clear();

        AssertSingle(pod, "spec.containers", "FieldValueRequired", "Required value");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ContainerWithoutImage(string? image)
    {
        var pod = Pods.Valid();
        pod.Spec.Containers[1].Image = image;

        AssertSingle(pod, "spec.containers[1].image", "FieldValueRequired", "Required value");
    }

    [Fact]
    public void ImageWithSurroundingWhitespace()
    {
        var pod = Pods.Valid();
        pod.Spec.Containers[0].Image = " busybox";

        AssertSingle(pod, "spec.containers[0].image", "FieldValueInvalid", "Invalid value: \" busybox\": must not have leading or trailing whitespace");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ContainerWithoutName(string? name)
    {
        var pod = Pods.Valid();
        pod.Spec.Containers[1].Name = name;

        AssertSingle(pod, "spec.containers[1].name", "FieldValueRequired", "Required value");
    }

    [Fact]
    public void DuplicateContainerNames()
    {
        var pod = Pods.Valid();
        pod.Spec.Containers[1].Name = "main";

        AssertSingle(pod, "spec.containers[1].name", "FieldValueDuplicate", "Duplicate value: \"main\"");
    }

    [Theory]
    [InlineData("Main")]
    [InlineData("main.app")]
    [InlineData("main_app")]
    public void InvalidContainerName(string name)
    {
        var pod = Pods.Valid();
        pod.Spec.Containers[0].Name = name;

        AssertSingle(pod, "spec.containers[0].name", "FieldValueInvalid", $"Invalid value: \"{name}\": {LabelProblem}");
    }

    [Fact]
    public void ContainerNameOf64Characters()
    {
        var pod = Pods.Valid();
        var name = new string('c', 64);
        pod.Spec.Containers[0].Name = name;

        AssertSingle(pod, "spec.containers[0].name", "FieldValueInvalid", $"Invalid value: \"{name}\": must be no more than 63 characters");
    }

    [Theory]
    [InlineData("1VAR")]
    [InlineData("MY VAR")]
    [InlineData("MY=VAR")]
    public void BadEnvVarName(string name)
    {
        var pod = Pods.Valid();
        pod.Spec.Containers[0].Env![1].Name = name;

        AssertSingle(pod, "spec.containers[0].env[1].name", "FieldValueInvalid",
            $"Invalid value: \"{name}\": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit");
    }

    [Fact]
    public void EnvVarWithoutName()
    {
        var pod = Pods.Valid();
        pod.Spec.Containers[0].Env![0].Name = null;

        AssertSingle(pod, "spec.containers[0].env[0].name", "FieldValueRequired", "Required value");
    }

    [Theory]
    [InlineData("Sometimes")]
    [InlineData("always")]
    [InlineData("")]
    public void UnknownRestartPolicy(string policy)
    {
        var pod = Pods.Valid();
        pod.Spec.RestartPolicy = policy;

        AssertSingle(pod, "spec.restartPolicy", "FieldValueNotSupported",
            $"Unsupported value: \"{policy}\": supported values: \"Always\", \"OnFailure\", \"Never\"");
    }

    [Fact]
    public void InvalidNodeName()
    {
        var pod = Pods.Valid();
        pod.Spec.NodeName = "Node_A";

        AssertSingle(pod, "spec.nodeName", "FieldValueInvalid", $"Invalid value: \"Node_A\": {SubdomainProblem}");
    }

    [Fact]
    public void NegativeCpu()
    {
        var pod = Pods.Valid();
        pod.Spec.Containers[0].Resources!.Requests!["cpu"] = "-1";

        AssertSingle(pod, "spec.containers[0].resources.requests[cpu]", "FieldValueInvalid",
            "Invalid value: \"-1\": must be greater than or equal to 0");
    }

    [Fact]
    public void NegativeMemoryLimit()
    {
        var pod = Pods.Valid();
        pod.Spec.Containers[0].Resources!.Limits!["memory"] = "-128Mi";

        AssertSingle(pod, "spec.containers[0].resources.limits[memory]", "FieldValueInvalid",
            "Invalid value: \"-128Mi\": must be greater than or equal to 0");
    }

    [Fact]
    public void AbsurdMemory()
    {
        var pod = Pods.Valid();
        pod.Spec.Containers[0].Resources!.Limits!["memory"] = "2Pi";

        AssertSingle(pod, "spec.containers[0].resources.limits[memory]", "FieldValueInvalid",
            "Invalid value: \"2Pi\": must be less than or equal to 1Pi");
    }

    [Fact]
    public void MemoryOfExactly1PiIsAccepted()
    {
        var pod = Pods.Valid();
        pod.Spec.Containers[0].Resources!.Limits!["memory"] = "1Pi";

        Assert.Empty(PodValidator.ValidateCreate(pod));
    }

    [Fact]
    public void AbsurdEphemeralStorage()
    {
        var pod = Pods.Valid();
        pod.Spec.Containers[1].Resources = new ResourceRequirements { Requests = new() { ["ephemeral-storage"] = "1E" } };

        AssertSingle(pod, "spec.containers[1].resources.requests[ephemeral-storage]", "FieldValueInvalid",
            "Invalid value: \"1E\": must be less than or equal to 1Pi");
    }

    [Fact]
    public void AbsurdCpu()
    {
        var pod = Pods.Valid();
        pod.Spec.Containers[0].Resources!.Limits!["cpu"] = "20000";

        AssertSingle(pod, "spec.containers[0].resources.limits[cpu]", "FieldValueInvalid",
            "Invalid value: \"20000\": must be less than or equal to 10000 cores");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("500 m")]
    [InlineData("")]
    public void MalformedQuantity(string text)
    {
        var pod = Pods.Valid();
        pod.Spec.Containers[0].Resources!.Requests!["memory"] = text;

        AssertSingle(pod, "spec.containers[0].resources.requests[memory]", "FieldValueInvalid",
            $"Invalid value: \"{text}\": {QuantityProblem}");
    }

    [Fact]
    public void UnsupportedResourceName()
    {
        var pod = Pods.Valid();
        pod.Spec.Containers[0].Resources!.Requests!["gpu"] = "1";

        AssertSingle(pod, "spec.containers[0].resources.requests[gpu]", "FieldValueNotSupported",
            "Unsupported value: \"gpu\": supported values: \"cpu\", \"memory\", \"ephemeral-storage\"");
    }

    [Fact]
    public void AQualifiedExtendedResourceNameIsAccepted()
    {
        var pod = Pods.Valid();
        pod.Spec.Containers[0].Resources!.Limits!["example.com/gpu"] = "2";

        Assert.Empty(PodValidator.ValidateCreate(pod));
    }

    [Fact]
    public void RequestGreaterThanLimit()
    {
        var pod = Pods.Valid();
        pod.Spec.Containers[0].Resources!.Requests!["cpu"] = "0.6";

        AssertSingle(pod, "spec.containers[0].resources.requests[cpu]", "FieldValueInvalid",
            "Invalid value: \"0.6\": must be less than or equal to cpu limit of 500m");
    }

    [Fact]
    public void RequestEqualToLimitInAnotherNotationIsAccepted()
    {
        var pod = Pods.Valid();
        pod.Spec.Containers[0].Resources!.Requests!["cpu"] = "0.5";
        pod.Spec.Containers[0].Resources!.Requests!["memory"] = "134217728";

        Assert.Empty(PodValidator.ValidateCreate(pod));
    }

    [Theory]
    [InlineData("-app")]
    [InlineData("app-")]
    [InlineData("my app")]
    [InlineData("example.com/")]
    [InlineData("example.com/-app")]
    public void BadLabelKeyName(string key)
    {
        var pod = Pods.Valid();
        pod.Metadata.Labels![key] = "x";

        AssertSingle(pod, "metadata.labels", "FieldValueInvalid",
            $"Invalid value: \"{key}\": name part must consist of alphanumeric characters, '-', '_' or '.', must start and end with an alphanumeric character, and be at most 63 characters");
    }

    [Theory]
    [InlineData("/app")]
    [InlineData("Example.com/app")]
    [InlineData("example_com/app")]
    public void BadLabelKeyPrefix(string key)
    {
        var pod = Pods.Valid();
        pod.Metadata.Labels![key] = "x";

        AssertSingle(pod, "metadata.labels", "FieldValueInvalid", $"Invalid value: \"{key}\": prefix part must be a lowercase RFC 1123 subdomain");
    }

    [Fact]
    public void LabelKeyNamePartOf64Characters()
    {
        var pod = Pods.Valid();
        var key = "example.com/" + new string('k', 64);
        pod.Metadata.Labels![key] = "x";

        AssertSingle(pod, "metadata.labels", "FieldValueInvalid",
            $"Invalid value: \"{key}\": name part must consist of alphanumeric characters, '-', '_' or '.', must start and end with an alphanumeric character, and be at most 63 characters");
    }

    [Theory]
    [InlineData("-web")]
    [InlineData("web app")]
    [InlineData("web/app")]
    public void BadLabelValue(string value)
    {
        var pod = Pods.Valid();
        pod.Metadata.Labels!["app"] = value;

        AssertSingle(pod, "metadata.labels[app]", "FieldValueInvalid",
            $"Invalid value: \"{value}\": a valid label value must be 63 characters or less, and consist of alphanumeric characters, '-', '_' or '.', starting and ending with an alphanumeric character");
    }

    [Fact]
    public void LabelValueOf64Characters()
    {
        var pod = Pods.Valid();
        var value = new string('v', 64);
        pod.Metadata.Labels!["app"] = value;

        AssertSingle(pod, "metadata.labels[app]", "FieldValueInvalid",
            $"Invalid value: \"{value}\": a valid label value must be 63 characters or less, and consist of alphanumeric characters, '-', '_' or '.', starting and ending with an alphanumeric character");
    }

    [Fact]
    public void AnEmptyLabelValueIsValid()
    {
        var pod = Pods.Valid();
        pod.Metadata.Labels!["app"] = string.Empty;

        Assert.Empty(PodValidator.ValidateCreate(pod));
    }

    [Fact]
    public void BadAnnotationKey()
    {
        var pod = Pods.Valid();
        pod.Metadata.Annotations!["bad key"] = "x";

        AssertSingle(pod, "metadata.annotations", "FieldValueInvalid",
            "Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', must start and end with an alphanumeric character, and be at most 63 characters");
    }

    [Fact]
    public void AnnotationsLargerThan256KiB()
    {
        var pod = Pods.Valid();
        pod.Metadata.Annotations!["big"] = new string('x', 256 * 1024);

        AssertSingle(pod, "metadata.annotations", "FieldValueTooLong", "Too long: must have at most 262144 bytes");
    }

    [Fact]
    public void NegativeTerminationGracePeriod()
    {
        var pod = Pods.Valid();
        pod.Spec.TerminationGracePeriodSeconds = -1;

        AssertSingle(pod, "spec.terminationGracePeriodSeconds", "FieldValueInvalid",
            "Invalid value: \"-1\": must be greater than or equal to 0");
    }

    [Fact]
    public void ZeroTerminationGracePeriodIsValid()
    {
        var pod = Pods.Valid();
        pod.Spec.TerminationGracePeriodSeconds = 0;

        Assert.Empty(PodValidator.ValidateCreate(pod));
    }

    [Fact]
    public void EveryProblemIsReportedInOrder()
    {
        var pod = Pods.Valid();
        pod.Metadata.Name = null;
        pod.Spec.Containers[0].Image = null;
        pod.Spec.Containers[1].Name = "main";
        pod.Spec.RestartPolicy = "Sometimes";

        var errors = PodValidator.ValidateCreate(pod);

        Assert.Equal(
            [
                "metadata.name: Required value",
                "spec.containers[0].image: Required value",
                "spec.containers[1].name: Duplicate value: \"main\"",
                "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"",
            ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void ValidationExceptionListsEveryError()
    {
        var errors = new[] { FieldError.Required("metadata.name"), FieldError.Required("spec.containers") };

        var exception = new ValidationException("Pod", "web", errors);

        Assert.Equal("Pod \"web\" is invalid: metadata.name: Required value, spec.containers: Required value", exception.Message);
    }

    private static void AssertSingle(Pod pod, string field, string type, string detail)
    {
        var error = Assert.Single(PodValidator.ValidateCreate(pod));
        Assert.Equal(new FieldError(field, type, detail), error);
    }
}
