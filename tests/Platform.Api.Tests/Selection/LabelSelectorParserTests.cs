using Platform.Api.Model;
using Platform.Api.Selection;

namespace Platform.Api.Tests.Selection;

public sealed class LabelSelectorParserTests
{
    private static readonly Dictionary<string, string> Web = new() { ["app"] = "web", ["tier"] = "front" };

    [Theory]
    [InlineData("app=web", true)]
    [InlineData("app==web", true)]
    [InlineData("app!=web", false)]
    [InlineData("app=web,tier=back", false)]
    [InlineData("tier in (front, back)", true)]
    [InlineData("tier notin (front)", false)]
    [InlineData("app", true)]
    [InlineData("!app", false)]
    [InlineData("!missing,app in (web),tier!=back", true)]
    [InlineData("", true)]
    public void Selectors_match_as_kubernetes_defines_them(string selector, bool matches) =>
        Assert.Equal(matches, LabelSelectorParser.Parse(selector).Matches(Web));

    [Theory]
    [InlineData("tier in (front")]
    [InlineData("tier in front")]
    [InlineData("tier within (a)")]
    [InlineData("app=we b")]
    [InlineData("-bad=x")]
    [InlineData("a=b,,c=d")]
    public void Malformed_selectors_are_refused(string selector) =>
        Assert.Throws<FormatException>(() => LabelSelectorParser.Parse(selector));

    [Fact]
    public void A_structured_selector_prints_and_matches_like_its_string_form()
    {
        var selector = new LabelSelector
        {
            MatchLabels = new() { ["app"] = "web" },
            MatchExpressions = [new LabelSelectorRequirement { Key = "tier", Operator = "In", Values = ["front", "back"] }],
        };
        var selection = LabelSelection.From(selector);
        Assert.Equal("app=web,tier in (front,back)", selection.ToString());
        Assert.True(selection.Matches(Web));
        Assert.True(LabelSelectorParser.Parse(selection.ToString()).Matches(Web));
    }

    [Fact]
    public void Field_selectors_compare_fields_by_path_and_missing_fields_read_empty()
    {
        var pod = System.Text.Json.Nodes.JsonNode.Parse("""{"metadata":{"name":"a"},"spec":{"nodeName":"n1"}}""");
        Assert.True(FieldSelection.Parse("metadata.name=a,spec.nodeName!=n2").Matches(pod));
        Assert.False(FieldSelection.Parse("spec.nodeName=n2").Matches(pod));
        Assert.True(FieldSelection.Parse("status.phase=").Matches(pod));
        Assert.Throws<FormatException>(() => FieldSelection.Parse("metadata.name"));
    }
}
