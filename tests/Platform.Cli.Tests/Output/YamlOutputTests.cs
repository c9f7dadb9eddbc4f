using System.Text.Json.Nodes;
using Platform.Cli.Output;

namespace Platform.Cli.Tests.Output;

public class YamlOutputTests
{
    [Fact]
    public void WritesBlockYamlInServerOrder()
    {
        var json = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","labels":{}},
             "spec":{"containers":[{"name":"web","image":"nginx","args":["-g","daemon off;"]}]},
             "status":{"containerStatuses":[{"ready":true,"restartCount":0}]}}
            """);

        Assert.Equal(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              labels: {}
            spec:
              containers:
              - name: web
                image: nginx
                args:
                - -g
                - daemon off;
            status:
              containerStatuses:
              - ready: true
                restartCount: 0

            """,
            YamlOutput.Render(json));
    }

    [Theory]
    [InlineData("\"123\"", "\"123\"")]
    [InlineData("\"true\"", "\"true\"")]
    [InlineData("\"\"", "\"\"")]
    [InlineData("\"null\"", "\"null\"")]
    [InlineData("\"500m\"", "500m")]
    [InlineData("123", "123")]
    public void QuotesOnlyStringsThatWouldReadAsAnotherType(string jsonValue, string expectedYaml) =>
        Assert.Equal($"value: {expectedYaml}\n", YamlOutput.Render(JsonNode.Parse($$"""{"value":{{jsonValue}}}""")));

    [Fact]
    public void WritesMultiLineStringsAsLiteralBlocks() =>
        Assert.Equal("script: |-\n  echo one\n  echo two\n", YamlOutput.Render(JsonNode.Parse("""{"script":"echo one\necho two"}""")));
}
