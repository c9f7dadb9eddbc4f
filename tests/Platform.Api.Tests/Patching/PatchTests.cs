using System.Text.Json.Nodes;
using Platform.Api.Patching;

namespace Platform.Api.Tests.Patching;

public sealed class PatchTests
{
    private const string Deployment = """
        {"metadata":{"name":"web","labels":{"app":"web","tier":"front"}},
         "spec":{"replicas":2,"template":{"spec":{"containers":[
           {"name":"main","image":"web:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},
           {"name":"side","image":"side:1"}]}}}}
        """;

    [Fact]
    public void A_merge_patch_merges_objects_removes_nulls_and_replaces_lists()
    {
        var result = JsonMergePatch.Apply(JsonNode.Parse(Deployment), JsonNode.Parse("""{"metadata":{"labels":{"tier":null,"v":"2"}},"spec":{"template":{"spec":{"containers":[{"name":"main","image":"web:2"}]}}}}"""))!;
        Assert.Equal("""{"app":"web","v":"2"}""", result["metadata"]!["labels"]!.ToJsonString());
        Assert.Single(result["spec"]!["template"]!["spec"]!["containers"]!.AsArray());
    }

    [Fact]
    public void A_strategic_merge_patch_merges_containers_and_env_by_name()
    {
        var patch = """{"spec":{"template":{"spec":{"containers":[{"name":"main","image":"web:2","env":[{"name":"B","value":"3"},{"name":"C","value":"4"}]}]}}}}""";
        var result = StrategicMergePatch.Apply(JsonNode.Parse(Deployment), JsonNode.Parse(patch))!;
        var containers = result["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(2, containers.Count);
        Assert.Equal("web:2", (string?)containers[0]!["image"]);
        Assert.Equal("""[{"name":"A","value":"1"},{"name":"B","value":"3"},{"name":"C","value":"4"}]""", containers[0]!["env"]!.ToJsonString());
        Assert.Equal("side:1", (string?)containers[1]!["image"]);
    }

    [Fact]
    public void Strategic_directives_delete_elements_and_set_their_order()
    {
        var patch = """
            {"spec":{"template":{"spec":{
              "$setElementOrder/containers":[{"name":"side"},{"name":"main"}],
              "containers":[{"name":"main","$patch":"delete"}]}}}}
            """;
        var result = StrategicMergePatch.Apply(JsonNode.Parse(Deployment), JsonNode.Parse(patch))!;
        var containers = result["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal("side", (string?)Assert.Single(containers)!["name"]);
        Assert.Null(result["spec"]!["template"]!["spec"]!["$setElementOrder/containers"]);
    }

    [Fact]
    public void A_json_patch_applies_its_operations_in_order_and_refuses_missing_paths()
    {
        var operations = JsonNode.Parse("""
            [{"op":"replace","path":"/spec/replicas","value":5},
             {"op":"add","path":"/metadata/labels/v","value":"2"},
             {"op":"remove","path":"/metadata/labels/tier"},
             {"op":"test","path":"/metadata/name","value":"web"}]
            """)!.AsArray();
        var result = JsonPatch.Apply(JsonNode.Parse(Deployment)!, operations)!;
        Assert.Equal(5, (int?)result["spec"]!["replicas"]);
        Assert.Equal("""{"app":"web","v":"2"}""", result["metadata"]!["labels"]!.ToJsonString());
        Assert.Throws<PatchException>(() => JsonPatch.Apply(JsonNode.Parse(Deployment)!, JsonNode.Parse("""[{"op":"remove","path":"/spec/missing"}]""")!.AsArray()));
        Assert.Throws<PatchException>(() => JsonPatch.Apply(JsonNode.Parse(Deployment)!, JsonNode.Parse("""[{"op":"test","path":"/metadata/name","value":"api"}]""")!.AsArray()));
    }
}
