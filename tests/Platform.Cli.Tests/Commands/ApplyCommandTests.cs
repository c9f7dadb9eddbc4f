using System.Text.Json.Nodes;
using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests.Commands;

public sealed class ApplyCommandTests : IDisposable
{
    private const string PodPath = "/api/v1/namespaces/default/pods/web";
    private const string Manifest = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n";
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"platformctl-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task CreatesAPodTheServerDoesNotHave()
    {
        var api = new FakeApi()
            .On("GET", PodPath, FakeApi.Status(404, "NotFound", "pods \\\"web\\\" not found"))
            .On("POST", "/api/v1/namespaces/default/pods", FakeApi.Json(201, LivePod("1")));

        var run = await ApplyAsync(api, Manifest);

        Assert.Equal((0, "pod/web created\n", ""), (run.ExitCode, run.Out, run.Error));
        Assert.Equal("web", JsonNode.Parse(api.Requests[1].Body!)!["metadata"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("7", "unchanged")]
    [InlineData("8", "configured")]
    public async Task ReplacesAnExistingPodAndComparesResourceVersions(string returnedVersion, string outcome)
    {
        var api = new FakeApi()
            .On("GET", PodPath, FakeApi.Json(200, LivePod("7")))
            .On("PUT", PodPath, FakeApi.Json(200, LivePod(returnedVersion)));

        var run = await ApplyAsync(api, Manifest);

        Assert.Equal($"pod/web {outcome}\n", run.Out);
        Assert.Equal("7", JsonNode.Parse(api.Requests[1].Body!)!["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task UsesTheDocumentsNamespaceOverTheFlag()
    {
        var api = new FakeApi()
            .On("POST", "/api/v1/namespaces/shop/pods", FakeApi.Json(201, LivePod("1")));

        var run = await ApplyAsync(api, Manifest.Replace("metadata:\n", "metadata:\n  namespace: shop\n"), "-n", "other");

        Assert.Equal("pod/web created\n", run.Out);
        Assert.Equal("/api/v1/namespaces/shop/pods/web", api.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task ReportsEachFailingDocumentAndAppliesTheRest()
    {
        var api = new FakeApi()
            .On("GET", PodPath, FakeApi.Status(404, "NotFound", "not found"))
            .On("POST", "/api/v1/namespaces/default/pods", FakeApi.Status(422, "Invalid", "Pod \\\"web\\\" is invalid: spec.containers[0].image: Required value"));
        var manifest = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n---\n" + Manifest;

        var run = await ApplyAsync(api, manifest);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "error: unknown kind \"Deployment\"\n" +
            "Error from server (Invalid): Pod \"web\" is invalid: spec.containers[0].image: Required value\n",
            run.Error);
    }

    [Fact]
    public async Task ReadsTheManifestFromStdin()
    {
        var api = new FakeApi().On("POST", "/api/v1/namespaces/default/pods", FakeApi.Json(201, LivePod("1")));

        var run = await CliRun.RunAsync(api, ["apply", "-f", "-"], stdin: Manifest);

        Assert.Equal("pod/web created\n", run.Out);
    }

    [Fact]
    public async Task MalformedManifestIsOneLineAndNothingIsSent()
    {
        var api = new FakeApi();

        var run = await ApplyAsync(api, "kind: Pod\n  bad: [indent\n");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"error: error parsing {_file}: invalid YAML at line", run.Error);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.Empty(api.Requests);
    }

    private async Task<CliRun> ApplyAsync(FakeApi api, string manifest, params string[] extra)
    {
        await File.WriteAllTextAsync(_file, manifest);
        return await CliRun.RunAsync(api, ["apply", "-f", _file, .. extra]);
    }

    private static string LivePod(string resourceVersion) =>
        $$$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"default","resourceVersion":"{{{resourceVersion}}}"},"spec":{"containers":[{"name":"web","image":"nginx"}]}}""";
}
