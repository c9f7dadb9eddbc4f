using Platform.Api.Model;

namespace Platform.Api.Selection;

/// <summary>A parsed label selector: all requirements must hold. The empty selection matches everything.</summary>
public sealed class LabelSelection
{
    public static readonly LabelSelection Everything = new([]);

    public LabelSelection(IReadOnlyList<Requirement> requirements) => Requirements = requirements;

    public IReadOnlyList<Requirement> Requirements { get; }

    public bool IsEmpty => Requirements.Count == 0;

    public bool Matches(IReadOnlyDictionary<string, string>? labels) => Requirements.All(r => r.Matches(labels));

    /// <summary>The selection a structured selector (Deployment.spec.selector) stands for.</summary>
    public static LabelSelection From(LabelSelector? selector)
    {
        if (selector is null)
        {
            return Everything;
        }

        var requirements = new List<Requirement>();
        foreach (var (key, value) in (selector.MatchLabels ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            requirements.Add(new Requirement(key, SelectorOperator.Equals, [value]));
        }

        foreach (var expression in selector.MatchExpressions ?? [])
        {
            requirements.Add(new Requirement(expression.Key ?? "", ParseOperator(expression.Operator), expression.Values ?? []));
        }

        return new LabelSelection(requirements);
    }

    public static SelectorOperator ParseOperator(string? name) => name switch
    {
        "In" => SelectorOperator.In,
        "NotIn" => SelectorOperator.NotIn,
        "Exists" => SelectorOperator.Exists,
        "DoesNotExist" => SelectorOperator.DoesNotExist,
        _ => throw new FormatException($"\"{name}\" is not a valid label selector operator"),
    };

    public override string ToString() => string.Join(",", Requirements);
}
