using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.Api.Tests.Support;
using Platform.Api.Validation;

namespace Platform.Api.Tests.Validation;

public class SecurityContextValidationTests
{
    private static Pod WithContext(SecurityContext context)
    {
        var pod = Pods.Valid();
        pod.Spec.Containers[0].SecurityContext = context;
        return pod;
    }

    private static void AssertSingle(Pod pod, string field, string type, string detail) =>
        Assert.Equal(new FieldError(field, type, detail), Assert.Single(PodValidator.ValidateCreate(pod)));

    [Fact]
    public void TheSupportedFieldsAreValid()
    {
        var pod = WithContext(new SecurityContext
        {
            RunAsUser = 1000,
            RunAsGroup = 1000,
            RunAsNonRoot = true,
            ReadOnlyRootFilesystem = true,
            AllowPrivilegeEscalation = false,
            Privileged = false,
            Capabilities = new() { Drop = ["ALL"], Add = ["NET_BIND_SERVICE", "CAP_CHOWN"] },
        });
        pod.Spec.SecurityContext = new PodSecurityContext { RunAsUser = 0, RunAsGroup = 2147483647, RunAsNonRoot = false, SupplementalGroups = [10, 20] };

        Assert.Empty(PodValidator.ValidateCreate(pod));
    }

    [Fact]
    public void PrivilegedIsRefused() =>
        AssertSingle(WithContext(new SecurityContext { Privileged = true }),
            "spec.containers[0].securityContext.privileged", "FieldValueForbidden", "Forbidden: privileged containers are not supported on this platform");

    [Theory]
    [InlineData("NET_ADMINISTRATOR")]
    [InlineData("net_admin")]
    [InlineData("")]
    public void AnUnknownCapabilityIsRefused(string name) =>
        AssertSingle(WithContext(new SecurityContext { Capabilities = new() { Drop = ["KILL", name] } }),
            "spec.containers[0].securityContext.capabilities.drop[1]", "FieldValueInvalid",
            $"Invalid value: \"{name}\": unknown capability: must be a Linux capability name such as NET_ADMIN, or ALL");

    [Fact]
    public void AnIdOutOfRangeIsRefused() =>
        AssertSingle(WithContext(new SecurityContext { RunAsUser = -1 }),
            "spec.containers[0].securityContext.runAsUser", "FieldValueInvalid", "Invalid value: \"-1\": must be between 0 and 2147483647, inclusive");

    [Fact]
    public void APodGroupOutOfRangeIsRefused()
    {
        var pod = Pods.Valid();
        pod.Spec.SecurityContext = new PodSecurityContext { RunAsGroup = 2147483648 };

        AssertSingle(pod, "spec.securityContext.runAsGroup", "FieldValueInvalid", "Invalid value: \"2147483648\": must be between 0 and 2147483647, inclusive");
    }

    [Fact]
    public void NoEscalationWithSysAdminIsRefused() =>
        AssertSingle(WithContext(new SecurityContext { AllowPrivilegeEscalation = false, Capabilities = new() { Add = ["SYS_ADMIN"] } }),
            "spec.containers[0].securityContext.allowPrivilegeEscalation", "FieldValueInvalid",
            "Invalid value: \"false\": cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN");

    [Fact]
    public void AStrictManifestReadsEveryField()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              securityContext: {runAsUser: 1000, runAsNonRoot: true, supplementalGroups: [5]}
              volumes:
              - {name: data, persistentVolumeClaim: {claimName: data, readOnly: true}}
              - {name: mem, emptyDir: {medium: Memory, sizeLimit: 16Mi}}
              - {name: host, hostPath: {path: /srv, type: DirectoryOrCreate}}
              containers:
              - name: c
                image: busybox
                volumeMounts: [{name: data, mountPath: /data, readOnly: true, subPath: x}]
                securityContext:
                  readOnlyRootFilesystem: true
                  allowPrivilegeEscalation: false
                  capabilities: {add: [NET_ADMIN], drop: [ALL]}
            """;

        var document = Assert.Single(ManifestReader.ReadDocuments(yaml));
        var pod = ManifestReader.Deserialize<Pod>(document);

        Assert.Empty(PodValidator.ValidateCreate(pod));
        Assert.Equal("data", pod.Spec.Volumes![0].PersistentVolumeClaim!.ClaimName);
        Assert.Equal("16Mi", pod.Spec.Volumes[1].EmptyDir!.SizeLimit);
        Assert.Equal("x", pod.Spec.Containers[0].VolumeMounts![0].SubPath);
        Assert.Equal(["ALL"], pod.Spec.Containers[0].SecurityContext!.Capabilities!.Drop!);
    }
}
