using System.Text;
using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Api.Serialization;

namespace Platform.Api.Tests.Serialization;

public class ManifestReaderTests
{
    private const string PodYaml =
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: hello
          labels:
            app: hello
        spec:
          restartPolicy: Never
          terminationGracePeriodSeconds: 5
          containers:
          - name: main
            image: busybox
            command: ["sh", "-c", "echo hello"]
            env:
            - name: N
              value: "1"
            resources:
              requests:
                cpu: 100m
                memory: 32Mi
        """;

    [Fact]
    public void ReadsEachDocumentOfAMultiDocumentManifest()
    {
        var documents = ManifestReader.ReadDocuments(PodYaml + "\n---\n" + PodYaml.Replace("name: hello\n", "name: bye\n", StringComparison.Ordinal));

        Assert.Equal(2, documents.Count);
        Assert.Equal(["hello", "bye"], documents.Select(d => ManifestReader.Deserialize<Pod>(d).Metadata.Name));
        Assert.All(documents, d => Assert.Equal(("v1", "Pod"), ManifestReader.ReadType(d)));
    }

    [Fact]
    public void DeserializesAPodFromYaml()
    {
        var pod = ManifestReader.Deserialize<Pod>(Assert.Single(ManifestReader.ReadDocuments(PodYaml)));

        Assert.Equal("v1", pod.ApiVersion);
        Assert.Equal("Pod", pod.Kind);
        Assert.Equal("hello", pod.Metadata.Name);
        Assert.Equal(new Dictionary<string, string> { ["app"] = "hello" }, pod.Metadata.Labels);
        Assert.Equal("Never", pod.Spec.RestartPolicy);
        Assert.Equal(5, pod.Spec.TerminationGracePeriodSeconds);
        var container = Assert.Single(pod.Spec.Containers);
        Assert.Equal("main", container.Name);
        Assert.Equal("busybox", container.Image);
        Assert.Equal(["sh", "-c", "echo hello"], container.Command!);
        var env = Assert.Single(container.Env!);
        Assert.Equal("N", env.Name);
        Assert.Equal("1", env.Value);
        Assert.Equal(new Dictionary<string, string> { ["cpu"] = "100m", ["memory"] = "32Mi" }, container.Resources!.Requests);
        Assert.Null(container.Resources.Limits);
    }

    [Fact]
    public void ReadsJsonInput()
    {
        var json = """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"j"},"spec":{"containers":[{"name":"c","image":"busybox"}]}}""";

        var document = Assert.Single(ManifestReader.ReadDocuments(json));
        var pod = ManifestReader.Deserialize<Pod>(document);

        Assert.Equal(("v1", "Pod"), ManifestReader.ReadType(document));
        Assert.Equal("j", pod.Metadata.Name);
        Assert.Equal("busybox", Assert.Single(pod.Spec.Containers).Image);
    }

    [Fact]
    public void DeserializesUtf8Json()
    {
        var json = Encoding.UTF8.GetBytes("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"j"},"spec":{"containers":[]}}""");

        var pod = ManifestReader.Deserialize<Pod>(json);

        Assert.Equal("j", pod.Metadata.Name);
        Assert.Empty(pod.Spec.Containers);
    }

    [Fact]
    public void ANonObjectDocumentIsRejected()
    {
        var e = Assert.Throws<ManifestFormatException>(() => ManifestReader.ReadDocuments("- a\n- b\n"));

        Assert.Equal("document 1 is not an object", e.Message);
    }

    [Fact]
    public void AScalarSecondDocumentIsRejected()
    {
        var e = Assert.Throws<ManifestFormatException>(() => ManifestReader.ReadDocuments("a: 1\n---\njust text\n"));

        Assert.Equal("document 2 is not an object", e.Message);
    }

    [Fact]
    public void AnUnknownFieldIsNamed()
    {
        var e = Assert.Throws<ManifestFormatException>(() => DeserializePod("spec:\n  foo: 1\n  containers: []\n"));

        Assert.Equal("unknown field \"spec.foo\"", e.Message);
    }

    [Fact]
    public void AnUnknownFieldInAContainerIsNamed()
    {
        var e = Assert.Throws<ManifestFormatException>(() => DeserializePod("spec:\n  containers:\n  - name: a\n    imagePullPolicy: Always\n"));

        Assert.Equal("unknown field \"spec.containers[0].imagePullPolicy\"", e.Message);
    }

    [Fact]
    public void AnUnknownTopLevelFieldIsNamed()
    {
        var e = Assert.Throws<ManifestFormatException>(() => DeserializePod("extra: true\n"));

        Assert.Equal("unknown field \"extra\"", e.Message);
    }

    [Fact]
    public void AWrongTypeForAListIsNamed()
    {
        var e = Assert.Throws<ManifestFormatException>(() => DeserializePod("spec:\n  containers: abc\n"));

        Assert.Equal("spec.containers: wrong type for this field", e.Message);
    }

    [Fact]
    public void AWrongTypeForAStringIsNamed()
    {
        var e = Assert.Throws<ManifestFormatException>(() => DeserializePod("spec:\n  containers:\n  - name: [a]\n"));

        Assert.Equal("spec.containers[0].name: wrong type for this field", e.Message);
    }

    [Fact]
    public void AWrongTypeForANumberIsNamed()
    {
        var e = Assert.Throws<ManifestFormatException>(() => DeserializePod("spec:\n  terminationGracePeriodSeconds: soon\n"));

        Assert.Equal("spec.terminationGracePeriodSeconds: wrong type for this field", e.Message);
    }

    [Fact]
    public void AnUnquotedNumberForAnEnvValueIsAWrongType()
    {
        var e = Assert.Throws<ManifestFormatException>(() => DeserializePod("spec:\n  containers:\n  - name: a\n    env:\n    - name: N\n      value: 1\n"));

        Assert.Equal("spec.containers[0].env[0].value: wrong type for this field", e.Message);
    }

    [Theory]
    [InlineData("{", "malformed JSON")]
    [InlineData("", "malformed JSON")]
    [InlineData("{\"kind\":", "kind: malformed value")]
    [InlineData("{\"spec\":{\"containers\":[}}", "spec.containers[0]: malformed value")]
    [InlineData("{\"spec\": 5}", "spec: wrong type for this field")]
    [InlineData("{\"metadata\":{\"labels\":{\"a\":1}}}", "metadata.labels.a: wrong type for this field")]
    [InlineData("{\"apiVersion\":\"v1\",\"bogus\":1}", "unknown field \"bogus\"")]
    public void DescribesProblemsInJsonBytes(string json, string expected)
    {
        var e = Assert.Throws<ManifestFormatException>(() => ManifestReader.Deserialize<Pod>(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void JsonNullIsAnEmptyObject()
    {
        var e = Assert.Throws<ManifestFormatException>(() => ManifestReader.Deserialize<Pod>("null"u8));

        Assert.Equal("the object is empty", e.Message);
    }

    [Theory]
    [InlineData("kind: Pod\n", "apiVersion: Required value")]
    [InlineData("apiVersion: null\nkind: Pod\n", "apiVersion: Required value")]
    [InlineData("apiVersion: v1\n", "kind: Required value")]
    [InlineData("metadata: {}\n", "apiVersion: Required value")]
    [InlineData("apiVersion: v1\nkind: \"\"\n", "kind: must be a non-empty string")]
    [InlineData("apiVersion: v1\nkind: 5\n", "kind: must be a non-empty string")]
    [InlineData("apiVersion: [v1]\nkind: Pod\n", "apiVersion: must be a non-empty string")]
    public void ReadTypeRequiresApiVersionAndKind(string yaml, string expected)
    {
        var document = Assert.Single(ManifestReader.ReadDocuments(yaml));

        var e = Assert.Throws<ManifestFormatException>(() => ManifestReader.ReadType(document));

        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void ReadTypeReadsAnyKind()
    {
        var document = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Node" };

        Assert.Equal(("v1", "Node"), ManifestReader.ReadType(document));
    }

    private static Pod DeserializePod(string yaml) =>
        ManifestReader.Deserialize<Pod>(Assert.Single(ManifestReader.ReadDocuments("apiVersion: v1\nkind: Pod\n" + yaml)));
}
