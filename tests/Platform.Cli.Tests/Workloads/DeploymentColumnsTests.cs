using Platform.Api.Model;
using Platform.Cli.Output;
using Platform.Cli.Resources;
using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests.Workloads;

public class DeploymentColumnsTests
{
    [Fact]
    public void DeploymentsShowReadyUpToDateAndAvailable()
    {
        var deployments = new[]
        {
            ApiObjects.As<Deployment>(WorkloadJson.Deployment("web", replicas: 3, updated: 1, total: 4, available: 2)),
            ApiObjects.As<Deployment>(WorkloadJson.Deployment("api-server", replicas: 1, updated: 1, total: 1, available: 1)),
        };

        var text = DeploymentColumns.Table(deployments, new TableOptions(Wide: true, WithNamespace: true), TestObjects.Now);

        Assert.Equal(
            """
            NAMESPACE   NAME         READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES           SELECTOR
            default     web          2/3     1            2           60s   main         busybox:latest   app=web
            default     api-server   1/1     1            1           60s   main         busybox:latest   app=api-server

            """,
            text);
    }

    [Fact]
    public void ReplicaSetsShowDesiredCurrentAndReady()
    {
        var set = ApiObjects.As<ReplicaSet>(WorkloadJson.ReplicaSet("web-a", 1, "v1"));

        var text = DeploymentColumns.ReplicaSetTable([set], TableOptions.Default, TestObjects.Now);

        Assert.Equal("NAME    DESIRED   CURRENT   READY   AGE\nweb-a   0         0         0       <unknown>\n", text);
    }
}
