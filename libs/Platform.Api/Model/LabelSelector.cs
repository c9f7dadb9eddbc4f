namespace Platform.Api.Model;

/// <summary>A structured label selector (Deployment.spec.selector): every term must hold.</summary>
public sealed class LabelSelector
{
    public Dictionary<string, string>? MatchLabels { get; set; }
    public List<LabelSelectorRequirement>? MatchExpressions { get; set; }
}

public sealed class LabelSelectorRequirement
{
    public string? Key { get; set; }

    /// <summary>In, NotIn, Exists or DoesNotExist.</summary>
    public string? Operator { get; set; }

    public List<string>? Values { get; set; }
}
