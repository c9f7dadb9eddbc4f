using System.Text.Json.Nodes;
using Platform.Cli.Output.JsonPath;

namespace Platform.Cli.Tests.Output;

public class JsonPathTemplateTests
{
    private static readonly JsonNode PodList = JsonNode.Parse("""
        {
          "kind": "PodList",
          "items": [
            { "metadata": { "name": "web-1", "labels": { "app": "web", "tier.io/role": "front" } },
              "status": { "phase": "Running", "podIP": "10.0.0.5",
                          "conditions": [ { "type": "Ready", "status": "True" }, { "type": "Scheduled", "status": "True" } ],
                          "containerStatuses": [ { "name": "main", "restartCount": 2 } ] } },
            { "metadata": { "name": "batch" },
              "status": { "phase": "Succeeded",
                          "conditions": [ { "type": "Ready", "status": "False" } ],
                          "containerStatuses": [ { "name": "main", "restartCount": 0 } ] } },
            { "metadata": { "name": "pending" }, "status": { "phase": "Pending" } }
          ]
        }
        """)!;

    [Theory]
    [InlineData("{.kind}", "PodList")]
    [InlineData("{.items[0].metadata.name}", "web-1")]
    [InlineData("{.items[-1].metadata.name}", "pending")]
    [InlineData("{.items[*].metadata.name}", "web-1 batch pending")]
    [InlineData("{.items[0:2].metadata.name}", "web-1 batch")]
    [InlineData("{.items[1:].status.phase}", "Succeeded Pending")]
    [InlineData("{$.items[*].status.containerStatuses[*].restartCount}", "2 0")]
    [InlineData("{.items[0].metadata.labels}", """{"app":"web","tier.io/role":"front"}""")]
    [InlineData("{.items[0].metadata.labels['tier.io/role']}", "front")]
    [InlineData("{.items[0].metadata.labels.*}", "web front")]
    [InlineData("{..podIP}", "10.0.0.5")]
    [InlineData("{.items[?(@.status.phase==\"Running\")].metadata.name}", "web-1")]
    [InlineData("{.items[?(@.status.phase != 'Running')].metadata.name}", "batch pending")]
    [InlineData("{.items[?(@.status.containerStatuses[0].restartCount > 1)].metadata.name}", "web-1")]
    [InlineData("{.items[?(@.status.podIP)].metadata.name}", "web-1")]
    [InlineData("{.items[0].status.conditions[?(@.type==\"Ready\")].status}", "True")]
    [InlineData("name={.items[1].metadata.name}!", "name=batch!")]
    [InlineData("{.items[0].metadata.nothing}", "")]
    [InlineData("{.items[7].metadata.name}", "")]
    public void EvaluatesKubectlExpressions(string template, string expected) =>
        Assert.Equal(expected, JsonPathTemplate.Parse(template).Render(PodList));

    [Fact]
    public void RangeRepeatsItsBodyForEachResult()
    {
        var template = """{range .items[*]}{.metadata.name}{"\t"}{.status.phase}{"\n"}{end}""";

        Assert.Equal("web-1\tRunning\nbatch\tSucceeded\npending\tPending\n", JsonPathTemplate.Parse(template).Render(PodList));
    }

    [Fact]
    public void RangeOverAnArrayWalksItsElementsAndNests()
    {
        var template = """{range .items}{.metadata.name}:{range .status.conditions[*]} {.type}={.status}{end};{end}""";

        Assert.Equal("web-1: Ready=True Scheduled=True;batch: Ready=False;pending:;", JsonPathTemplate.Parse(template).Render(PodList));
    }

    [Theory]
    [InlineData("{.items[0]", "error parsing jsonpath {.items[0]: unclosed action")]
    [InlineData("{range .items[*]}{.kind}", "error parsing jsonpath {range .items[*]}{.kind}: {range} without an {end}")]
    [InlineData("{end}", "error parsing jsonpath {end}: {end} without a {range}")]
    [InlineData("{.items[x]}", "error parsing jsonpath {.items[x]}: invalid array index \"x\"")]
    [InlineData("{.items[0}", "error parsing jsonpath {.items[0}: unterminated array index at 7")]
    [InlineData("{.items.}", "error parsing jsonpath {.items.}: a field name is missing at 8")]
    public void BadTemplatesAreOneReadableLine(string template, string message)
    {
        var failure = Assert.Throws<CliException>(() => JsonPathTemplate.Parse(template));

        Assert.Equal(message, failure.Message);
    }
}
