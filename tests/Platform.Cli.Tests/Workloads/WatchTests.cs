using System.Text.Json.Nodes;
using Platform.Cli.Commands;
using Platform.Cli.Output;
using Platform.Cli.Resources;
using Platform.Cli.Tests.Support;
using Platform.Cli.Watching;

namespace Platform.Cli.Tests.Workloads;

/// <summary>get -w: the events read from the stream, the relist after a 410, and the rows printed.</summary>
public class WatchTests
{
    private static readonly DateTimeOffset Now = TestObjects.Now;

    [Fact]
    public void AnEventLineCarriesItsTypeAndObject()
    {
        var change = WatchEvent.Parse("""{"type":"MODIFIED","object":{"metadata":{"name":"web","resourceVersion":"12"}}}""");
        var error = WatchEvent.Parse("""{"type":"ERROR","object":{"kind":"Status","code":410,"reason":"Expired","message":"too old resource version: 3"}}""");

        Assert.Equal(("MODIFIED", "12"), (change.Type, ApiObjects.ResourceVersion(change.Object)));
        Assert.True(error.IsError);
        Assert.Equal((410, "Expired"), (error.ErrorStatus().Code, error.ErrorStatus().Reason));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"type":"ADDED"}""")]
    public void ALineThatIsNoEventIsAnError(string line)
    {
        Assert.Throws<CliException>(() => WatchEvent.Parse(line));
    }

    [Fact]
    public void ARelistTurnsWhatWasMissedIntoEvents()
    {
        var seen = new WatchedObjects();
        seen.Record(new WatchEvent(WatchEvent.Added, WorkloadJson.Deployment("same", resourceVersion: "5")));
        seen.Record(new WatchEvent(WatchEvent.Added, WorkloadJson.Deployment("changed", resourceVersion: "6")));
        seen.Record(new WatchEvent(WatchEvent.Added, WorkloadJson.Deployment("gone", resourceVersion: "7")));

        var events = seen.Relist([
            WorkloadJson.Deployment("same", resourceVersion: "5"),
            WorkloadJson.Deployment("changed", resourceVersion: "9"),
            WorkloadJson.Deployment("new", resourceVersion: "10"),
        ]);

        Assert.Equal(
            ["MODIFIED changed", "ADDED new", "DELETED gone"],
            events.Select(e => $"{e.Type} {ApiObjects.Name(e.Object)}"));
        Assert.Equal(3, seen.Count);
    }

    [Fact]
    public void TheWatchPathResumesFromTheRevisionWithTheSelectors()
    {
        var target = new WatchTarget(ResourceKinds.Deployment, "team a", false, "app=web", "metadata.name=web");

        Assert.Equal("apis/apps/v1/namespaces/team%20a/deployments?labelSelector=app%3Dweb&fieldSelector=metadata.name%3Dweb", target.ListPath);
        Assert.Equal("apis/apps/v1/namespaces/team%20a/deployments?watch=1&resourceVersion=42&labelSelector=app%3Dweb&fieldSelector=metadata.name%3Dweb", target.WatchPath("42"));
    }

    [Fact]
    public void RowsFollowTheListedTableAlignedWithIt()
    {
        var printer = new WatchPrinter(ResourceKinds.Deployment, OutputRequest.Table, TableOptions.Default);

        var listed = printer.Listed([WorkloadJson.Deployment("web", replicas: 1, updated: 1, total: 1, available: 1)], Now);
        var scaled = printer.Event(new WatchEvent(WatchEvent.Modified, WorkloadJson.Deployment("web", replicas: 3, updated: 1, total: 1, available: 1)), Now);
        var ready = printer.Event(new WatchEvent(WatchEvent.Modified, WorkloadJson.Deployment("web", replicas: 3, updated: 3, total: 3, available: 3)), Now);

        Assert.Equal(
            """
            NAME   READY   UP-TO-DATE   AVAILABLE   AGE
            web    1/1     1            1           60s
            web    1/3     1            1           60s
            web    3/3     3            3           60s

            """,
            listed + scaled + ready);
    }

    [Fact]
    public void WatchOnlyPrintsTheHeaderWithTheFirstRow()
    {
        var printer = new WatchPrinter(ResourceKinds.ReplicaSet, OutputRequest.Table, TableOptions.Default);

        var first = printer.Event(new WatchEvent(WatchEvent.Added, WorkloadJson.ReplicaSet("web-a", 1, "v1")), Now);
        var second = printer.Event(new WatchEvent(WatchEvent.Deleted, WorkloadJson.ReplicaSet("web-a", 1, "v1")), Now);

        Assert.Equal("NAME    DESIRED   CURRENT   READY   AGE\nweb-a   0         0         0       <unknown>\n", first);
        Assert.Equal("web-a   0         0         0       <unknown>\n", second);
    }

    [Fact]
    public void OtherFormatsPrintEachObjectWhole()
    {
        var yaml = new WatchPrinter(ResourceKinds.Deployment, OutputFormats.Parse("yaml"), TableOptions.Default);
        var name = new WatchPrinter(ResourceKinds.Deployment, OutputFormats.Parse("name"), TableOptions.Default);
        var path = new WatchPrinter(ResourceKinds.Deployment, OutputFormats.Parse("jsonpath={.metadata.name} {.spec.replicas}{\"\\n\"}"), TableOptions.Default);
        JsonNode[] two = [WorkloadJson.Deployment("a"), WorkloadJson.Deployment("b")];

        var documents = yaml.Listed(two, Now);

        Assert.Equal(2, documents.Split("\n---\n").Length);
        Assert.StartsWith("apiVersion: apps/v1\n", documents, StringComparison.Ordinal);
        Assert.Equal("deployment.apps/a\n", name.Event(new WatchEvent(WatchEvent.Added, two[0]), Now));
        Assert.Equal("b 3\n", path.Event(new WatchEvent(WatchEvent.Added, two[1]), Now));
    }
}
