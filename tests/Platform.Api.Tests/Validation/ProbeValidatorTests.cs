using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.Api.Tests.Support;
using Platform.Api.Validation;

namespace Platform.Api.Tests.Validation;

public class ProbeValidatorTests
{
    private static Probe Http(object port) => new()
    {
        HttpGet = new HttpGetAction { Path = "/healthz", Port = port is int n ? IntOrString.FromInt(n) : IntOrString.FromString((string)port) },
    };

    private static List<string> Fields(Probe probe, bool liveness = false) =>
        ProbeValidator.Validate(probe, "spec.containers[0].readinessProbe", liveness).Select(e => e.Field).ToList();

    [Fact]
    public void EachHandlerKindIsValid()
    {
        Assert.Empty(Fields(Http(8080)));
        Assert.Empty(Fields(Http("http")));
        Assert.Empty(Fields(new Probe { TcpSocket = new TcpSocketAction { Port = IntOrString.FromInt(5432) } }));
        Assert.Empty(Fields(new Probe { Exec = new ExecAction { Command = ["test", "-f", "/tmp/ready"] }, PeriodSeconds = 1, FailureThreshold = 1 }));
    }

    [Fact]
    public void AProbeNeedsExactlyOneHandler()
    {
        var none = ProbeValidator.Validate(new Probe(), "p", liveness: false).Single();
        var two = ProbeValidator.Validate(new Probe { Exec = new ExecAction { Command = ["true"] }, TcpSocket = new TcpSocketAction { Port = IntOrString.FromInt(1) } }, "p", liveness: false).Single();

        Assert.Equal(("p", "Required value: must specify a handler type"), (none.Field, none.Detail));
        Assert.Equal(("p", "Forbidden: may not specify more than 1 handler type"), (two.Field, two.Detail));
    }

    [Fact]
    public void HandlerFieldsAreChecked()
    {
        Assert.Equal(["spec.containers[0].readinessProbe.httpGet.port"], Fields(Http(0)));
        Assert.Equal(["spec.containers[0].readinessProbe.httpGet.port"], Fields(Http("Bad_Name")));
        Assert.Equal(["spec.containers[0].readinessProbe.exec.command"], Fields(new Probe { Exec = new ExecAction() }));
        Assert.Equal(["spec.containers[0].readinessProbe.tcpSocket.port"], Fields(new Probe { TcpSocket = new TcpSocketAction() }));
        var probe = Http(80);
        probe.HttpGet!.Scheme = "FTP";
        probe.HttpGet.Path = "healthz";
        Assert.Equal(["spec.containers[0].readinessProbe.httpGet.scheme", "spec.containers[0].readinessProbe.httpGet.path"], Fields(probe));
    }

    [Fact]
    public void TimingsHaveKubernetesMinimums()
    {
        var probe = Http(80);
        (probe.InitialDelaySeconds, probe.PeriodSeconds, probe.TimeoutSeconds, probe.SuccessThreshold, probe.FailureThreshold) = (-1, 0, 0, 0, 0);

        Assert.Equal(
            ["initialDelaySeconds", "periodSeconds", "timeoutSeconds", "successThreshold", "failureThreshold"],
            Fields(probe).Select(f => f.Split('.').Last()).ToList());
    }

    [Fact]
    public void ALivenessProbeSucceedsOnce()
    {
        var probe = Http(80);
        probe.SuccessThreshold = 2;

        Assert.Empty(Fields(probe, liveness: false));
        Assert.Equal(["spec.containers[0].readinessProbe.successThreshold"], Fields(probe, liveness: true));
    }

    [Fact]
    public void APodValidatesItsContainersProbesWithTheirPaths()
    {
        var pod = Pods.Valid();
        pod.Spec.Containers[0].LivenessProbe = new Probe();

        var error = Assert.Single(PodValidator.ValidateCreate(pod));
        Assert.Equal("spec.containers[0].livenessProbe", error.Field);
    }

    [Fact]
    public void AnUnknownProbeFieldIsRefusedWithItsPath()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
                - name: c
                  image: busybox
                  readinessProbe:
                    httpGet:
                      port: 80
                      pathh: /
            """;

        var document = ManifestReader.ReadDocuments(yaml).Single();
        var error = Assert.Throws<ManifestFormatException>(() => ManifestReader.Deserialize<Pod>(document));
        Assert.Equal("unknown field \"spec.containers[0].readinessProbe.httpGet.pathh\"", error.Message);
    }
}
