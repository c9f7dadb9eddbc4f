using System.Globalization;
using Platform.Api.Model;

namespace Platform.Api.Validation;

/// <summary>
/// Validates what a pod asks of its node (nodeSelector, node affinity, tolerations) and a node's taints,
/// with Kubernetes' field paths and wording.
/// </summary>
public static class SchedulingValidator
{
    public static IEnumerable<FieldError> ValidatePodSpec(PodSpec spec) =>
        ValidateNodeSelector(spec.NodeSelector, "spec.nodeSelector")
            .Concat(ValidateNodeAffinity(spec.Affinity?.NodeAffinity, "spec.affinity.nodeAffinity"))
            .Concat(ValidateTolerations(spec.Tolerations, "spec.tolerations"));

    public static IEnumerable<FieldError> ValidateTaints(IReadOnlyList<Taint>? taints, string path)
    {
        var seen = new HashSet<(string?, string?)>();
        for (var i = 0; i < (taints?.Count ?? 0); i++)
        {
            var taint = taints![i];
            var at = $"{path}[{i}]";
            foreach (var error in ValidateKey(taint.Key, $"{at}.key", required: true))
            {
                yield return error;
            }

            if (taint.Value is { } value && Names.CheckLabelValue(value) is { } problem)
            {
                yield return FieldError.Invalid($"{at}.value", value, problem);
            }

            if (string.IsNullOrEmpty(taint.Effect))
            {
                yield return FieldError.Required($"{at}.effect");
            }
            else if (!TaintEffects.All.Contains(taint.Effect))
            {
                yield return FieldError.NotSupported($"{at}.effect", taint.Effect, TaintEffects.All);
            }
            else if (!seen.Add((taint.Key, taint.Effect)))
            {
                yield return FieldError.Duplicate(at, $"{taint.Key}:{taint.Effect}");
            }
        }
    }

    private static IEnumerable<FieldError> ValidateNodeSelector(Dictionary<string, string>? selector, string path)
    {
        foreach (var (key, value) in selector ?? [])
        {
            if (Names.CheckQualifiedName(key) is { } keyProblem)
            {
                yield return FieldError.Invalid(path, key, keyProblem);
            }
            else if (Names.CheckLabelValue(value) is { } valueProblem)
            {
                yield return FieldError.Invalid($"{path}[{key}]", value, valueProblem);
            }
        }
    }

    private static IEnumerable<FieldError> ValidateNodeAffinity(NodeAffinity? affinity, string path)
    {
        if (affinity?.RequiredDuringSchedulingIgnoredDuringExecution is { } required)
        {
            var termsPath = $"{path}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms";
            if (required.NodeSelectorTerms.Count == 0)
            {
                yield return new FieldError(termsPath, "FieldValueRequired", "Required value: must have at least one node selector term");
            }

            for (var i = 0; i < required.NodeSelectorTerms.Count; i++)
            {
                foreach (var error in ValidateTerm(required.NodeSelectorTerms[i], $"{termsPath}[{i}]"))
                {
                    yield return error;
                }
            }
        }

        var preferred = affinity?.PreferredDuringSchedulingIgnoredDuringExecution ?? [];
        for (var i = 0; i < preferred.Count; i++)
        {
            var termPath = $"{path}.preferredDuringSchedulingIgnoredDuringExecution[{i}]";
            if (preferred[i].Weight is < 1 or > 100)
            {
                yield return FieldError.Invalid($"{termPath}.weight", preferred[i].Weight.ToString(CultureInfo.InvariantCulture), "must be in the range 1-100");
            }

            foreach (var error in ValidateTerm(preferred[i].Preference, $"{termPath}.preference"))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<FieldError> ValidateTerm(NodeSelectorTerm term, string path)
    {
        var expressions = term.MatchExpressions ?? [];
        for (var i = 0; i < expressions.Count; i++)
        {
            foreach (var error in ValidateRequirement(expressions[i], $"{path}.matchExpressions[{i}]"))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<FieldError> ValidateRequirement(NodeSelectorRequirement requirement, string path)
    {
        foreach (var error in ValidateKey(requirement.Key, $"{path}.key", required: true))
        {
            yield return error;
        }

        var values = requirement.Values ?? [];
        switch (requirement.Operator)
        {
            case NodeSelectorOperators.In or NodeSelectorOperators.NotIn when values.Count == 0:
                yield return new FieldError($"{path}.values", "FieldValueRequired", "Required value: must be specified when `operator` is 'In' or 'NotIn'");
                break;
            case NodeSelectorOperators.Exists or NodeSelectorOperators.DoesNotExist when values.Count > 0:
                yield return FieldError.Forbidden($"{path}.values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                break;
            case NodeSelectorOperators.Gt or NodeSelectorOperators.Lt when values.Count != 1:
                yield return new FieldError($"{path}.values", "FieldValueRequired", "Required value: must be specified single value when `operator` is 'Lt' or 'Gt'");
                break;
            case NodeSelectorOperators.Gt or NodeSelectorOperators.Lt when !long.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _):
                yield return FieldError.Invalid($"{path}.values[0]", values[0], "must be an integer");
                break;
            case null or "":
                yield return FieldError.Required($"{path}.operator");
                break;
            case var op when !NodeSelectorOperators.All.Contains(op):
                yield return FieldError.NotSupported($"{path}.operator", op, NodeSelectorOperators.All);
                break;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (requirement.Operator is NodeSelectorOperators.In or NodeSelectorOperators.NotIn && Names.CheckLabelValue(values[i]) is { } problem)
            {
                yield return FieldError.Invalid($"{path}.values[{i}]", values[i], problem);
            }
        }
    }

    private static IEnumerable<FieldError> ValidateTolerations(List<Toleration>? tolerations, string path)
    {
        for (var i = 0; i < (tolerations?.Count ?? 0); i++)
        {
            var toleration = tolerations![i];
            var at = $"{path}[{i}]";
            foreach (var error in ValidateKey(toleration.Key, $"{at}.key", required: false))
            {
                yield return error;
            }

            var op = toleration.Operator ?? TolerationOperators.Equal;
            if (!TolerationOperators.All.Contains(op))
            {
                yield return FieldError.NotSupported($"{at}.operator", op, TolerationOperators.All);
            }
            else if (string.IsNullOrEmpty(toleration.Key) && op != TolerationOperators.Exists)
            {
                yield return FieldError.Invalid($"{at}.operator", op, "operator must be Exists when `key` is empty, which means \"match all values and all keys\"");
            }
            else if (op == TolerationOperators.Exists && !string.IsNullOrEmpty(toleration.Value))
            {
                yield return FieldError.Invalid($"{at}.operator", op, "value must be empty when `operator` is 'Exists'");
            }
            else if (toleration.Value is { } value && Names.CheckLabelValue(value) is { } problem)
            {
                yield return FieldError.Invalid($"{at}.value", value, problem);
            }

            if (!string.IsNullOrEmpty(toleration.Effect) && !TaintEffects.All.Contains(toleration.Effect))
            {
                yield return FieldError.NotSupported($"{at}.effect", toleration.Effect, TaintEffects.All);
            }
            else if (toleration.TolerationSeconds is not null && toleration.Effect != TaintEffects.NoExecute)
            {
                yield return FieldError.Invalid($"{at}.effect", toleration.Effect, "effect must be 'NoExecute' when `tolerationSeconds` is set");
            }
        }
    }

    private static IEnumerable<FieldError> ValidateKey(string? key, string path, bool required)
    {
        if (string.IsNullOrEmpty(key))
        {
            if (required)
            {
                yield return FieldError.Required(path);
            }
        }
        else if (Names.CheckQualifiedName(key) is { } problem)
        {
            yield return FieldError.Invalid(path, key, problem);
        }
    }
}
