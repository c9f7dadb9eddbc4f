using Platform.Api.Model;
using Platform.Api.Tests.Support;
using Platform.Api.Validation;

namespace Platform.Api.Tests.Validation;

public class VolumeValidationTests
{
    private static Pod WithVolumes(params Volume[] volumes)
    {
        var pod = Pods.Valid();
        pod.Spec.Volumes = [.. volumes];
        return pod;
    }

    private static Pod WithMounts(params VolumeMount[] mounts)
    {
        var pod = WithVolumes(new Volume { Name = "data", EmptyDir = new() });
        pod.Spec.Containers[0].VolumeMounts = [.. mounts];
        return pod;
    }

    private static void AssertSingle(Pod pod, string field, string type, string detail)
    {
        var error = Assert.Single(PodValidator.ValidateCreate(pod));
        Assert.Equal(new FieldError(field, type, detail), error);
    }

    [Fact]
    public void EverySupportedSourceWithMountsIsValid()
    {
        var pod = WithVolumes(
            new Volume { Name = "scratch", EmptyDir = new() },
            new Volume { Name = "fast", EmptyDir = new() { Medium = "Memory", SizeLimit = "64Mi" } },
            new Volume { Name = "config", HostPath = new() { Path = "/etc/app", Type = "Directory" } },
            new Volume { Name = "socket", HostPath = new() { Path = "/run/app.sock", Type = "" } },
            new Volume { Name = "db", PersistentVolumeClaim = new() { ClaimName = "db-data", ReadOnly = true } });
        pod.Spec.Containers[0].VolumeMounts =
        [
            new() { Name = "scratch", MountPath = "/scratch" },
            new() { Name = "fast", MountPath = "/dev/shm" },
            new() { Name = "config", MountPath = "/etc/app", ReadOnly = true },
            new() { Name = "db", MountPath = "/var/lib/db", SubPath = "pg/data" },
        ];
        pod.Spec.Containers[1].VolumeMounts = [new() { Name = "scratch", MountPath = "/scratch" }];

        Assert.Empty(PodValidator.ValidateCreate(pod));
    }

    [Fact]
    public void AVolumeNeedsAName() =>
        AssertSingle(WithVolumes(new Volume { EmptyDir = new() }), "spec.volumes[0].name", "FieldValueRequired", "Required value");

    [Fact]
    public void AVolumeNameIsADnsLabel() =>
        AssertSingle(WithVolumes(new Volume { Name = "My_Data", EmptyDir = new() }), "spec.volumes[0].name", "FieldValueInvalid",
            "Invalid value: \"My_Data\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character");

    [Fact]
    public void VolumeNamesAreUnique() =>
        AssertSingle(WithVolumes(new Volume { Name = "data", EmptyDir = new() }, new Volume { Name = "data", HostPath = new() { Path = "/tmp" } }),
            "spec.volumes[1].name", "FieldValueDuplicate", "Duplicate value: \"data\"");

    [Fact]
    public void AVolumeNeedsASource() =>
        AssertSingle(WithVolumes(new Volume { Name = "data" }), "spec.volumes[0]", "FieldValueRequired", "Required value: must specify a volume type");

    [Fact]
    public void AVolumeHasOnlyOneSource() =>
        AssertSingle(WithVolumes(new Volume { Name = "data", EmptyDir = new(), HostPath = new() { Path = "/tmp" } }),
            "spec.volumes[0].hostPath", "FieldValueForbidden", "Forbidden: may not specify more than 1 volume type");

    [Fact]
    public void AnUnknownMediumIsNotSupported() =>
        AssertSingle(WithVolumes(new Volume { Name = "data", EmptyDir = new() { Medium = "HugePages" } }),
            "spec.volumes[0].emptyDir.medium", "FieldValueNotSupported", "Unsupported value: \"HugePages\": supported values: \"\", \"Memory\"");

    [Theory]
    [InlineData("lots", "Invalid value: \"lots\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")]
    [InlineData("0", "Invalid value: \"0\": must be greater than zero")]
    [InlineData("-1Mi", "Invalid value: \"-1Mi\": must be greater than zero")]
    public void ASizeLimitIsAPositiveQuantity(string limit, string detail) =>
        AssertSingle(WithVolumes(new Volume { Name = "data", EmptyDir = new() { Medium = "Memory", SizeLimit = limit } }),
            "spec.volumes[0].emptyDir.sizeLimit", "FieldValueInvalid", detail);

    [Fact]
    public void AHostPathNeedsAPath() =>
        AssertSingle(WithVolumes(new Volume { Name = "data", HostPath = new() }), "spec.volumes[0].hostPath.path", "FieldValueRequired", "Required value");

    [Theory]
    [InlineData("etc", "must be an absolute path")]
    [InlineData("/srv/../etc", "must not contain '..'")]
    public void AHostPathIsAbsoluteWithoutBacksteps(string path, string problem) =>
        AssertSingle(WithVolumes(new Volume { Name = "data", HostPath = new() { Path = path } }),
            "spec.volumes[0].hostPath.path", "FieldValueInvalid", $"Invalid value: \"{path}\": {problem}");

    [Fact]
    public void AnUnknownHostPathTypeIsNotSupported() =>
        AssertSingle(WithVolumes(new Volume { Name = "data", HostPath = new() { Path = "/dev/sda", Type = "BlockDevice" } }),
            "spec.volumes[0].hostPath.type", "FieldValueNotSupported",
            "Unsupported value: \"BlockDevice\": supported values: \"\", \"DirectoryOrCreate\", \"Directory\", \"FileOrCreate\", \"File\"");

    [Fact]
    public void AClaimNeedsAName() =>
        AssertSingle(WithVolumes(new Volume { Name = "data", PersistentVolumeClaim = new() }),
            "spec.volumes[0].persistentVolumeClaim.claimName", "FieldValueRequired", "Required value");

    [Fact]
    public void AClaimNameIsADnsSubdomain() =>
        AssertSingle(WithVolumes(new Volume { Name = "data", PersistentVolumeClaim = new() { ClaimName = "../etc" } }),
            "spec.volumes[0].persistentVolumeClaim.claimName", "FieldValueInvalid",
            "Invalid value: \"../etc\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character");

    [Fact]
    public void AMountNamesAVolumeOfThePod() =>
        AssertSingle(WithMounts(new VolumeMount { Name = "other", MountPath = "/data" }),
            "spec.containers[0].volumeMounts[0].name", "FieldValueNotFound", "Not found: \"other\"");

    [Fact]
    public void AMountNeedsAVolumeName() =>
        AssertSingle(WithMounts(new VolumeMount { MountPath = "/data" }), "spec.containers[0].volumeMounts[0].name", "FieldValueRequired", "Required value");

    [Fact]
    public void AMountNeedsAPath() =>
        AssertSingle(WithMounts(new VolumeMount { Name = "data" }), "spec.containers[0].volumeMounts[0].mountPath", "FieldValueRequired", "Required value");

    [Theory]
    [InlineData("data", "must be an absolute path")]
    [InlineData("/data/../etc", "must not contain '..'")]
    [InlineData("/", "must not be the root directory")]
    public void AMountPathIsAbsoluteBelowTheRoot(string mountPath, string problem) =>
        AssertSingle(WithMounts(new VolumeMount { Name = "data", MountPath = mountPath }),
            "spec.containers[0].volumeMounts[0].mountPath", "FieldValueInvalid", $"Invalid value: \"{mountPath}\": {problem}");

    [Fact]
    public void MountPathsAreUniqueInAContainer() =>
        AssertSingle(WithMounts(new VolumeMount { Name = "data", MountPath = "/data" }, new VolumeMount { Name = "data", MountPath = "/data/" }),
            "spec.containers[0].volumeMounts[1].mountPath", "FieldValueInvalid", "Invalid value: \"/data/\": must be unique");

    [Theory]
    [InlineData("/abs", "must be a relative path")]
    [InlineData("a/../../etc", "must not contain '..'")]
    [InlineData("..", "must not contain '..'")]
    public void ASubPathIsRelativeWithoutBacksteps(string subPath, string problem) =>
        AssertSingle(WithMounts(new VolumeMount { Name = "data", MountPath = "/data", SubPath = subPath }),
            "spec.containers[0].volumeMounts[0].subPath", "FieldValueInvalid", $"Invalid value: \"{subPath}\": {problem}");

    [Fact]
    public void AVolumeChangeIsRefusedOnUpdate()
    {
        var existing = WithMounts(new VolumeMount { Name = "data", MountPath = "/data" });
        var updated = WithMounts(new VolumeMount { Name = "data", MountPath = "/other" });

        var error = Assert.Single(PodValidator.ValidateUpdate(updated, existing));
        Assert.Equal("spec", error.Field);
    }
}
