using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests.Commands;

public class GetCommandTests
{
    private const string PodList = """
        {"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"9"},"items":[
          {"metadata":{"name":"web","namespace":"default","creationTimestamp":"2025-01-01T11:59:55Z"},
           "spec":{"containers":[{"name":"web","image":"nginx"}],"nodeName":"node-a"},
           "status":{"phase":"Running","hostIP":"10.0.0.5","containerStatuses":[{"name":"web","ready":true,"restartCount":0,"state":{"running":{}}}]}}]}
        """;

    [Theory]
    [InlineData("pods")]
    [InlineData("pod")]
    [InlineData("po")]
    public async Task ListsPodsOfTheNamespaceAsATable(string alias)
    {
        var api = new FakeApi().On("GET", "/api/v1/namespaces/default/pods", FakeApi.Json(200, PodList));

        var run = await CliRun.RunAsync(api, ["get", alias]);

        Assert.Equal((0, "NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          5s\n"), (run.ExitCode, run.Out));
    }

    [Fact]
    public async Task EmptyListSaysSoOnStderr()
    {
        var api = new FakeApi().On("GET", "/api/v1/namespaces/shop/pods", FakeApi.Json(200, """{"kind":"PodList","items":[]}"""));

        var run = await CliRun.RunAsync(api, ["get", "pods", "-n", "shop"]);

        Assert.Equal((0, "", "No resources found in shop namespace.\n"), (run.ExitCode, run.Out, run.Error));
    }

    [Fact]
    public async Task AllNamespacesUsesTheClusterWidePath()
    {
        var api = new FakeApi().On("GET", "/api/v1/pods", FakeApi.Json(200, PodList));

        var run = await CliRun.RunAsync(api, ["get", "pods", "-A"]);

        Assert.StartsWith("NAMESPACE   NAME   READY", run.Out);
    }

    [Fact]
    public async Task OneMissingPodIsAServerError()
    {
        var api = new FakeApi().On("GET", "/api/v1/namespaces/default/pods/nope", FakeApi.Status(404, "NotFound", "pods \\\"nope\\\" not found"));

        var run = await CliRun.RunAsync(api, ["get", "pod", "nope"]);

        Assert.Equal((1, "", "Error from server (NotFound): pods \"nope\" not found\n"), (run.ExitCode, run.Out, run.Error));
    }

    [Fact]
    public async Task JsonOutputKeepsEveryField()
    {
        var api = new FakeApi().On("GET", "/api/v1/nodes/node-a", FakeApi.Json(200, """{"kind":"Node","metadata":{"name":"node-a"},"extra":{"x":1}}"""));

        var run = await CliRun.RunAsync(api, ["get", "no", "node-a", "-o", "json"]);

        Assert.Equal("{\n  \"kind\": \"Node\",\n  \"metadata\": {\n    \"name\": \"node-a\"\n  },\n  \"extra\": {\n    \"x\": 1\n  }\n}\n", run.Out);
    }

    [Fact]
    public async Task SendsTheTokenAsABearerHeader()
    {
        var api = new FakeApi().On("GET", "/api/v1/nodes", FakeApi.Json(200, """{"items":[]}"""));

        await CliRun.RunAsync(api, ["get", "nodes"], new Dictionary<string, string> { ["PLATFORM_TOKEN"] = "s3cret" });

        Assert.Equal("Bearer s3cret", api.Requests.Single().Authorization);
    }

    [Fact]
    public async Task UnknownResourceTypeIsOneLine()
    {
        var run = await CliRun.RunAsync(new FakeApi(), ["get", "deployments"]);

        Assert.Equal((1, "error: the server doesn't have a resource type \"deployments\"\n"), (run.ExitCode, run.Error));
    }

    [Fact]
    public async Task UnknownFlagIsAUsageError()
    {
        var run = await CliRun.RunAsync(new FakeApi(), ["get", "pods", "--bogus"]);

        Assert.NotEqual(0, run.ExitCode);
    }
}
