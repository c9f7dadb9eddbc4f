using System.Text.Json.Nodes;
using Platform.Cli.Resources;

namespace Platform.Cli.Tests.Resources;

public class LabelSelectorTests
{
    private static readonly JsonNode Web = JsonNode.Parse("""{ "metadata": { "name": "web", "labels": { "app": "web", "env": "prod", "canary": "" } } }""")!;
    private static readonly JsonNode Bare = JsonNode.Parse("""{ "metadata": { "name": "bare" } }""")!;

    [Theory]
    [InlineData("app=web", true, false)]
    [InlineData("app==web", true, false)]
    [InlineData("app!=web", false, true)]
    [InlineData("app", true, false)]
    [InlineData("!app", false, true)]
    [InlineData("app=web,env=prod", true, false)]
    [InlineData("app=web,env=dev", false, false)]
    [InlineData("env in (dev, prod)", true, false)]
    [InlineData("env notin (prod),app", false, false)]
    [InlineData("env notin (dev)", true, true)]
    [InlineData("canary=", true, false)]
    public void MatchesAsKubectlDoes(string selector, bool matchesWeb, bool matchesBare)
    {
        var parsed = LabelSelector.Parse(selector);

        Assert.Equal((matchesWeb, matchesBare), (parsed.Matches(Web), parsed.Matches(Bare)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("=web")]
    [InlineData("env in dev")]
    [InlineData("a b=c")]
    public void ABadSelectorIsOneLine(string selector)
    {
        var failure = Assert.Throws<CliException>(() => LabelSelector.Parse(selector));

        Assert.Equal($"unable to parse requirement: invalid label selector \"{selector}\"", failure.Message);
    }
}
