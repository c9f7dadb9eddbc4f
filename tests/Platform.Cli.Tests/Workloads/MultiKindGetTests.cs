using System.Text.Json.Nodes;
using Platform.Cli.Commands;
using Platform.Cli.Output;
using Platform.Cli.Resources;
using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests.Workloads;

/// <summary>`get deploy,rs` and `get all`: one table per kind, kind-prefixed names, one List for -o json/yaml.</summary>
public class MultiKindGetTests
{
    private static readonly JsonNode Web = WorkloadJson.Deployment("web", replicas: 3, updated: 3, total: 3, available: 3);
    private static readonly JsonNode WebSet = WorkloadJson.ReplicaSet("web-7d9c5b6f4d", 2, "v2");

    [Fact]
    public void Two_kinds_print_two_tables_with_kind_prefixed_names_separated_by_a_blank_line()
    {
        var text = MultiKindGet.Render([(ResourceKinds.Deployment, [Web]), (ResourceKinds.ReplicaSet, [WebSet])], OutputRequest.Table, TableOptions.Default, TestObjects.Now);

        Assert.Equal(
            """
            NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
            deployment.apps/web   3/3     3            3           60s

            NAME                             DESIRED   CURRENT   READY   AGE
            replicaset.apps/web-7d9c5b6f4d   0         0         0       <unknown>

            """,
            text);
    }

    [Fact]
    public void Only_one_kind_with_objects_prints_plain_names_as_kubectl_does()
    {
        var text = MultiKindGet.Render([(ResourceKinds.Deployment, [Web]), (ResourceKinds.ReplicaSet, [])], OutputRequest.Table, TableOptions.Default, TestObjects.Now);

        Assert.Equal("NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    3/3     3            3           60s\n", text);
    }

    [Fact]
    public void All_namespaces_adds_the_namespace_column_to_each_table()
    {
        var text = MultiKindGet.Render([(ResourceKinds.Deployment, [Web]), (ResourceKinds.ReplicaSet, [WebSet])], OutputRequest.Table, new TableOptions(false, true), TestObjects.Now);

        Assert.StartsWith("NAMESPACE   NAME                  READY", text, StringComparison.Ordinal);
        Assert.Contains("\n\nNAMESPACE   NAME                             DESIRED", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_output_prints_kind_and_name_per_line()
    {
        var text = MultiKindGet.Render([(ResourceKinds.Deployment, [Web]), (ResourceKinds.ReplicaSet, [WebSet])], new OutputRequest(OutputFormat.Name), TableOptions.Default, TestObjects.Now);

        Assert.Equal("deployment.apps/web\nreplicaset.apps/web-7d9c5b6f4d\n", text);
    }

    [Fact]
    public void Json_output_is_one_list_whose_items_carry_their_kind()
    {
        var untyped = Web.DeepClone();
        untyped.AsObject().Remove("kind");
        untyped.AsObject().Remove("apiVersion");

        var list = JsonNode.Parse(MultiKindGet.Render([(ResourceKinds.Deployment, [untyped]), (ResourceKinds.ReplicaSet, [WebSet])], new OutputRequest(OutputFormat.Json), TableOptions.Default, TestObjects.Now))!;

        Assert.Equal("List", list["kind"]!.GetValue<string>());
        Assert.Equal(["apps/v1 Deployment web", "apps/v1 ReplicaSet web-7d9c5b6f4d"], list["items"]!.AsArray().Select(i => $"{i!["apiVersion"]} {i["kind"]} {i["metadata"]!["name"]}"));
    }

    [Theory]
    [InlineData("deploy,rs", "deployments replicasets")]
    [InlineData("all", "pods services deployments replicasets horizontalpodautoscalers")]
    [InlineData("deploy,all,po", "deployments pods services replicasets horizontalpodautoscalers")]
    [InlineData("rs,deployments.apps", "replicasets deployments")]
    public void Type_lists_and_all_name_each_kind_once_in_order(string type, string plurals)
    {
        Assert.True(MultiKindGet.Applies(type));
        Assert.Equal(plurals, string.Join(' ', MultiKindGet.Kinds(type).Select(k => k.Plural)));
    }

    [Theory]
    [InlineData("deploy")]
    [InlineData("deploy/web")]
    public void A_single_type_is_not_a_list(string type) => Assert.False(MultiKindGet.Applies(type));

    [Theory]
    [InlineData("error: the server doesn't have a resource type \"widgets\"", "get", "deploy,widgets")]
    [InlineData("error: invalid resource type list \"deploy,\": an empty type between commas", "get", "deploy,")]
    [InlineData("error: -w/--watch takes one resource type, not a list or \"all\"", "get", "deploy,rs", "-w")]
    [InlineData("error: name cannot be provided when a selector is specified", "get", "deploy,rs", "web", "-l", "app=web")]
    public async Task Bad_lists_are_one_line_with_exit_code_1_and_no_request(string message, params string[] args)
    {
        using var home = new TempDirectory();

        // No server answers at this address: an error that needed a request would say so instead.
        var result = await new OfflineCli(home.Path, new Dictionary<string, string> { ["PLATFORM_SERVER"] = "http://127.0.0.1:9" }).RunAsync(args);

        Assert.Equal((1, message + "\n", string.Empty), (result.ExitCode, result.Error, result.Out));
    }
}
