namespace Platform.Api.Model;

/// <summary>A pod's scheduling constraints on nodes (spec.affinity), as Kubernetes' Affinity; only node affinity is supported.</summary>
public sealed class Affinity
{
    public NodeAffinity? NodeAffinity { get; set; }
}

public sealed class NodeAffinity
{
    /// <summary>The pod may only go to a node matching one of these terms.</summary>
    public NodeSelector? RequiredDuringSchedulingIgnoredDuringExecution { get; set; }

    /// <summary>Nodes matching these terms are preferred, each by its weight.</summary>
    public List<PreferredSchedulingTerm>? PreferredDuringSchedulingIgnoredDuringExecution { get; set; }
}

/// <summary>Terms ORed together: a node matches when it matches any term.</summary>
public sealed class NodeSelector
{
    public List<NodeSelectorTerm> NodeSelectorTerms { get; set; } = [];
}

/// <summary>Expressions ANDed together. A term without expressions matches no node.</summary>
public sealed class NodeSelectorTerm
{
    public List<NodeSelectorRequirement>? MatchExpressions { get; set; }
}

public sealed class NodeSelectorRequirement
{
    public string? Key { get; set; }
    public string? Operator { get; set; }
    public List<string>? Values { get; set; }
}

public sealed class PreferredSchedulingTerm
{
    /// <summary>1 to 100.</summary>
    public int Weight { get; set; }
    public NodeSelectorTerm Preference { get; set; } = new();
}

/// <summary>The operators of a node selector requirement.</summary>
public static class NodeSelectorOperators
{
    public const string In = "In";
    public const string NotIn = "NotIn";
    public const string Exists = "Exists";
    public const string DoesNotExist = "DoesNotExist";
    public const string Gt = "Gt";
    public const string Lt = "Lt";
    public static readonly IReadOnlyList<string> All = [In, NotIn, Exists, DoesNotExist, Gt, Lt];
}
