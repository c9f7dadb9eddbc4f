using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests.Commands;

public class DeleteAndLogsCommandTests
{
    private const string PodPath = "/api/v1/namespaces/default/pods/web";
    private const string Pod = """{"kind":"Pod","metadata":{"name":"web","deletionTimestamp":"2025-01-01T12:00:00Z"}}""";

    [Fact]
    public async Task DeleteWaitsUntilThePodIsGone()
    {
        var api = new FakeApi()
            .On("DELETE", PodPath, FakeApi.Json(200, Pod))
            .On("GET", PodPath, FakeApi.Json(200, Pod), FakeApi.Status(404, "NotFound", "gone"));

        var run = await CliRun.RunAsync(api, ["delete", "pod", "web"]);

        Assert.Equal((0, "pod \"web\" deleted\n"), (run.ExitCode, run.Out));
        Assert.Equal(["DELETE", "GET", "GET"], api.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task DeleteWithoutWaitReturnsAtOnce()
    {
        var api = new FakeApi().On("DELETE", PodPath, FakeApi.Json(200, Pod));

        var run = await CliRun.RunAsync(api, ["delete", "po/web", "--wait=false"]);

        Assert.Equal((0, "pod \"web\" deleted\n"), (run.ExitCode, run.Out));
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task LogsAsksForTheContainerAndFollowsAndCopiesTheText()
    {
        var api = new FakeApi().On("GET", PodPath + "/log?container=side&follow=true", FakeApi.Text("line 1\nline 2\n"));

        var run = await CliRun.RunAsync(api, ["logs", "web", "-c", "side", "-f"]);

        Assert.Equal((0, "line 1\nline 2\n"), (run.ExitCode, run.Out));
    }
}
