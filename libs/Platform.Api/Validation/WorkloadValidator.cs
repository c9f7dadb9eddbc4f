using Platform.Api.Model;
using Platform.Api.Selection;

namespace Platform.Api.Validation;

/// <summary>Validates Deployments and ReplicaSets as the Kubernetes API server does for the fields served here.</summary>
public static class WorkloadValidator
{
    public static IReadOnlyList<FieldError> ValidateDeployment(Deployment deployment)
    {
        var errors = new List<FieldError>();
        errors.AddRange(MetadataValidator.Validate(deployment.Metadata, namespaced: true));
        var spec = deployment.Spec;
        errors.AddRange(ValidateReplicas(spec.Replicas));
        errors.AddRange(ValidateSelectorAndTemplate(spec.Selector, spec.Template));
        errors.AddRange(ValidateStrategy(spec.Strategy, spec.Replicas ?? 1));
        if (spec.RevisionHistoryLimit is < 0)
        {
            errors.Add(FieldError.Invalid("spec.revisionHistoryLimit", spec.RevisionHistoryLimit.ToString(), "must be greater than or equal to 0"));
        }

        if (spec.MinReadySeconds is < 0)
        {
            errors.Add(FieldError.Invalid("spec.minReadySeconds", spec.MinReadySeconds.ToString(), "must be greater than or equal to 0"));
        }

        return errors;
    }

    public static IReadOnlyList<FieldError> ValidateReplicaSet(ReplicaSet replicaSet)
    {
        var errors = new List<FieldError>();
        errors.AddRange(MetadataValidator.Validate(replicaSet.Metadata, namespaced: true));
        errors.AddRange(ValidateReplicas(replicaSet.Spec.Replicas));
        errors.AddRange(ValidateSelectorAndTemplate(replicaSet.Spec.Selector, replicaSet.Spec.Template));
        return errors;
    }

    /// <summary>The selector of a Deployment or ReplicaSet may not change after creation (apps/v1).</summary>
    public static IEnumerable<FieldError> ValidateSelectorUnchanged(LabelSelector? updated, LabelSelector? existing)
    {
        if (LabelSelection.From(updated).ToString() != LabelSelection.From(existing).ToString())
        {
            yield return new FieldError("spec.selector", "FieldValueInvalid",
                $"Invalid value: {{\"matchLabels\":{{{LabelSelection.From(updated)}}}}}: field is immutable");
        }
    }

    private static IEnumerable<FieldError> ValidateReplicas(int? replicas)
    {
        if (replicas is < 0)
        {
            yield return FieldError.Invalid("spec.replicas", replicas.ToString(), "must be greater than or equal to 0");
        }
    }

    private static IEnumerable<FieldError> ValidateSelectorAndTemplate(LabelSelector? selector, PodTemplateSpec template)
    {
        if (selector is null || (selector.MatchLabels is not { Count: > 0 } && selector.MatchExpressions is not { Count: > 0 }))
        {
            yield return FieldError.Required("spec.selector");
            yield break;
        }

        LabelSelection? selection = null;
        FieldError? selectorError = null;
        try
        {
            selection = LabelSelection.From(selector);
        }
        catch (FormatException e)
        {
            selectorError = FieldError.Invalid("spec.selector.matchExpressions", null, e.Message);
        }

        foreach (var error in selectorError is null ? ValidateSelectorValues(selector) : [selectorError])
        {
            yield return error;
        }

        foreach (var error in MetadataValidator.ValidateLabels(template.Metadata.Labels, "spec.template.metadata.labels"))
        {
            yield return error;
        }

        if (selection is not null && !selection.Matches(template.Metadata.Labels))
        {
            yield return FieldError.Invalid("spec.template.metadata.labels", FormatLabels(template.Metadata.Labels), "`selector` does not match template `labels`");
        }

        foreach (var error in PodValidator.ValidateSpec(template.Spec))
        {
            yield return error with { Field = "spec.template." + error.Field };
        }

        if (template.Spec.RestartPolicy is { } policy && policy != RestartPolicies.Always)
        {
            yield return FieldError.NotSupported("spec.template.spec.restartPolicy", policy, [RestartPolicies.Always]);
        }
    }

    private static IEnumerable<FieldError> ValidateSelectorValues(LabelSelector selector)
    {
        foreach (var error in MetadataValidator.ValidateLabels(selector.MatchLabels, "spec.selector.matchLabels"))
        {
            yield return error;
        }

        var expressions = selector.MatchExpressions ?? [];
        for (var i = 0; i < expressions.Count; i++)
        {
            var e = expressions[i];
            var needsValues = e.Operator is "In" or "NotIn";
            if (needsValues && e.Values is not { Count: > 0 })
            {
                yield return FieldError.Required($"spec.selector.matchExpressions[{i}].values");
            }
            else if (!needsValues && e.Values is { Count: > 0 })
            {
                yield return FieldError.Forbidden($"spec.selector.matchExpressions[{i}].values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
            }
        }
    }

    private static IEnumerable<FieldError> ValidateStrategy(DeploymentStrategy? strategy, int replicas)
    {
        if (strategy is null)
        {
            yield break;
        }

        if (strategy.Type is { } type && type is not (DeploymentStrategies.RollingUpdate or DeploymentStrategies.Recreate))
        {
            yield return FieldError.NotSupported("spec.strategy.type", type, [DeploymentStrategies.Recreate, DeploymentStrategies.RollingUpdate]);
        }

        if (strategy.RollingUpdate is not { } rolling)
        {
            yield break;
        }

        if (strategy.Type == DeploymentStrategies.Recreate)
        {
            yield return FieldError.Forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'");
            yield break;
        }

        CheckIntOrPercent(rolling.MaxSurge, "spec.strategy.rollingUpdate.maxSurge", replicas, out var surgeError);
        CheckIntOrPercent(rolling.MaxUnavailable, "spec.strategy.rollingUpdate.maxUnavailable", replicas, out var unavailableError);
        foreach (var error in new[] { surgeError, unavailableError }.OfType<FieldError>())
        {
            yield return error;
        }

        // As Kubernetes: the values as written (25% is 25, not 25% of the replicas), so 25%/25% of 2 replicas is valid.
        if (surgeError is null && unavailableError is null && rolling.MaxSurge?.Scaled(100, roundUp: false) == 0 && rolling.MaxUnavailable?.Scaled(100, roundUp: false) == 0)
        {
            yield return FieldError.Invalid("spec.strategy.rollingUpdate.maxUnavailable", rolling.MaxUnavailable.ToString(), "may not be 0 when `maxSurge` is 0");
        }

        if (rolling.MaxUnavailable is { IsPercent: true } p && p.Scaled(100, roundUp: false) > 100)
        {
            yield return FieldError.Invalid("spec.strategy.rollingUpdate.maxUnavailable", p.ToString(), "must not be greater than 100%");
        }
    }

    private static int? CheckIntOrPercent(IntOrString? value, string path, int replicas, out FieldError? error)
    {
        error = null;
        if (value is null)
        {
            return null;
        }

        var scaled = value.Scaled(replicas, roundUp: false);
        if (scaled is null)
        {
            error = FieldError.Invalid(path, value.ToString(), "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%')");
        }
        else if (scaled < 0)
        {
            error = FieldError.Invalid(path, value.ToString(), "must be greater than or equal to 0");
        }

        return scaled;
    }

    private static string FormatLabels(Dictionary<string, string>? labels) =>
        string.Join(",", (labels ?? []).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
