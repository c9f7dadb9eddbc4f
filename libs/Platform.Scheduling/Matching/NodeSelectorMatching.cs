using System.Globalization;
using Platform.Api.Model;

namespace Platform.Scheduling.Matching;

/// <summary>How node selectors and node selector terms match a node's labels, as Kubernetes matches them.</summary>
public static class NodeSelectorMatching
{
    /// <summary>Every pair of spec.nodeSelector is a label of the node.</summary>
    public static bool Matches(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);

    /// <summary>Terms are ORed: the node matches when any term matches.</summary>
    public static bool Matches(NodeSelector selector, IReadOnlyDictionary<string, string> labels) =>
        selector.NodeSelectorTerms.Any(term => Matches(term, labels));

    /// <summary>Expressions are ANDed; a term without expressions matches no node.</summary>
    public static bool Matches(NodeSelectorTerm term, IReadOnlyDictionary<string, string> labels) =>
        term.MatchExpressions is { Count: > 0 } expressions && expressions.All(e => Matches(e, labels));

    public static bool Matches(NodeSelectorRequirement requirement, IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(requirement.Key ?? string.Empty, out var value);
        var values = requirement.Values ?? [];
        return requirement.Operator switch
        {
            NodeSelectorOperators.In => has && values.Contains(value!),
            NodeSelectorOperators.NotIn => !has || !values.Contains(value!),
            NodeSelectorOperators.Exists => has,
            NodeSelectorOperators.DoesNotExist => !has,
            NodeSelectorOperators.Gt => has && Compare(value!, values) is > 0,
            NodeSelectorOperators.Lt => has && Compare(value!, values) is < 0,
            _ => false,
        };
    }

    /// <summary>Compares an integer label with the single integer value; null when either is not an integer.</summary>
    private static int? Compare(string label, List<string> values) =>
        values.Count == 1
        && long.TryParse(label, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var left)
        && long.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var right)
            ? left.CompareTo(right)
            : null;
}
