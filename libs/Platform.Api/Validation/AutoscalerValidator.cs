using System.Globalization;
using Platform.Api.Model;

namespace Platform.Api.Validation;

/// <summary>Validates HorizontalPodAutoscalers (after defaulting) as the Kubernetes API server does, for the metrics served here.</summary>
public static class AutoscalerValidator
{
    private static readonly string[] TargetKinds = [Deployment.KindName];
    private static readonly string[] MetricTypes = [HpaNames.ResourceMetric, HpaNames.PodsMetric];
    private static readonly string[] ResourceNamesServed = [ResourceNames.Cpu, ResourceNames.Memory];
    private static readonly string[] ResourceTargetTypes = [HpaNames.Utilization, HpaNames.AverageValue];
    private static readonly string[] PodsMetricNames = [HpaNames.RequestsPerSecond];
    private static readonly string[] SelectPolicies = [HpaNames.SelectDisabled, HpaNames.SelectMax, HpaNames.SelectMin];
    private static readonly string[] PolicyTypes = [HpaNames.PodsPolicy, HpaNames.PercentPolicy];

    public static IReadOnlyList<FieldError> Validate(HorizontalPodAutoscaler hpa)
    {
        var errors = new List<FieldError>();
        errors.AddRange(MetadataValidator.Validate(hpa.Metadata, namespaced: true));
        var spec = hpa.Spec;
        errors.AddRange(ValidateTarget(spec.ScaleTargetRef));
        errors.AddRange(ValidateReplicaRange(spec.MinReplicas, spec.MaxReplicas));
        for (var i = 0; i < (spec.Metrics?.Count ?? 0); i++)
        {
            errors.AddRange(ValidateMetric(spec.Metrics![i], $"spec.metrics[{i}]"));
        }

        errors.AddRange(ValidateRules(spec.Behavior?.ScaleUp, "spec.behavior.scaleUp"));
        errors.AddRange(ValidateRules(spec.Behavior?.ScaleDown, "spec.behavior.scaleDown"));
        return errors;
    }

    private static IEnumerable<FieldError> ValidateTarget(CrossVersionObjectReference target)
    {
        if (string.IsNullOrEmpty(target.Kind))
        {
            yield return FieldError.Required("spec.scaleTargetRef.kind");
        }
        else if (!TargetKinds.Contains(target.Kind))
        {
            yield return FieldError.NotSupported("spec.scaleTargetRef.kind", target.Kind, TargetKinds);
        }

        if (string.IsNullOrEmpty(target.Name))
        {
            yield return FieldError.Required("spec.scaleTargetRef.name");
        }
        else if (Names.CheckSubdomain(target.Name) is { } problem)
        {
            yield return FieldError.Invalid("spec.scaleTargetRef.name", target.Name, problem);
        }

        if (target.ApiVersion is { Length: > 0 } version && version != "apps/v1")
        {
            yield return FieldError.NotSupported("spec.scaleTargetRef.apiVersion", version, ["apps/v1"]);
        }
    }

    private static IEnumerable<FieldError> ValidateReplicaRange(int? min, int max)
    {
        if (min is < 1)
        {
            yield return FieldError.Invalid("spec.minReplicas", Text(min.Value), "must be greater than or equal to 1");
        }

        if (max < 1)
        {
            yield return FieldError.Invalid("spec.maxReplicas", Text(max), "must be greater than 0");
        }
        else if (min is { } low && max < low)
        {
            yield return FieldError.Invalid("spec.maxReplicas", Text(max), "must be greater than or equal to `minReplicas`");
        }
    }

    private static IEnumerable<FieldError> ValidateMetric(MetricSpec metric, string path)
    {
        if (string.IsNullOrEmpty(metric.Type))
        {
            return [FieldError.Required($"{path}.type", "must specify a metric source type")];
        }

        return metric.Type switch
        {
            HpaNames.ResourceMetric => metric.Resource is { } resource
                ? ValidateResourceMetric(resource, $"{path}.resource")
                : [FieldError.Required($"{path}.resource", "must populate information for the given metric source")],
            HpaNames.PodsMetric => metric.Pods is { } pods
                ? ValidatePodsMetric(pods, $"{path}.pods")
                : [FieldError.Required($"{path}.pods", "must populate information for the given metric source")],
            _ => [FieldError.NotSupported($"{path}.type", metric.Type, MetricTypes)],
        };
    }

    private static IEnumerable<FieldError> ValidateResourceMetric(ResourceMetricSource resource, string path)
    {
        if (string.IsNullOrEmpty(resource.Name))
        {
            yield return FieldError.Required($"{path}.name");
        }
        else if (!ResourceNamesServed.Contains(resource.Name))
        {
            yield return FieldError.NotSupported($"{path}.name", resource.Name, ResourceNamesServed);
        }

        var target = resource.Target;
        var targetPath = $"{path}.target";
        if (string.IsNullOrEmpty(target.Type))
        {
            yield return FieldError.Required($"{targetPath}.type");
        }
        else if (!ResourceTargetTypes.Contains(target.Type))
        {
            yield return FieldError.NotSupported($"{targetPath}.type", target.Type, ResourceTargetTypes);
        }
        else if (target.Type == HpaNames.Utilization)
        {
            if (target.AverageUtilization is not { } utilization)
            {
                yield return FieldError.Required($"{targetPath}.averageUtilization", "must set a target utilization for a Utilization target");
            }
            else if (utilization <= 0)
            {
                yield return FieldError.Invalid($"{targetPath}.averageUtilization", Text(utilization), "must be greater than 0");
            }
        }
        else
        {
            foreach (var error in ValidateAverageValue(target, targetPath))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<FieldError> ValidatePodsMetric(PodsMetricSource pods, string path)
    {
        if (string.IsNullOrEmpty(pods.Metric.Name))
        {
            yield return FieldError.Required($"{path}.metric.name");
        }
        else if (!PodsMetricNames.Contains(pods.Metric.Name))
        {
            yield return FieldError.NotSupported($"{path}.metric.name", pods.Metric.Name, PodsMetricNames);
        }

        if (pods.Target.Type != HpaNames.AverageValue)
        {
            yield return FieldError.NotSupported($"{path}.target.type", pods.Target.Type, [HpaNames.AverageValue]);
            yield break;
        }

        foreach (var error in ValidateAverageValue(pods.Target, $"{path}.target"))
        {
            yield return error;
        }
    }

    private static IEnumerable<FieldError> ValidateAverageValue(MetricTarget target, string path)
    {
        if (string.IsNullOrEmpty(target.AverageValue))
        {
            yield return FieldError.Required($"{path}.averageValue", "must set a per-pod target for an AverageValue target");
        }
        else if (!Quantity.TryParse(target.AverageValue, out var value))
        {
            yield return FieldError.Invalid($"{path}.averageValue", target.AverageValue, "must be a quantity such as 100m, 10 or 64Mi");
        }
        else if (value <= 0)
        {
            yield return FieldError.Invalid($"{path}.averageValue", target.AverageValue, "must be positive");
        }
    }

    private static IEnumerable<FieldError> ValidateRules(HpaScalingRules? rules, string path)
    {
        if (rules is null)
        {
            yield break;
        }

        if (rules.StabilizationWindowSeconds is < 0)
        {
            yield return FieldError.Invalid($"{path}.stabilizationWindowSeconds", Text(rules.StabilizationWindowSeconds.Value), "must be greater than or equal to zero");
        }
        else if (rules.StabilizationWindowSeconds is > 3600)
        {
            yield return FieldError.Invalid($"{path}.stabilizationWindowSeconds", Text(rules.StabilizationWindowSeconds.Value), "must be less than or equal to 3600");
        }

        if (rules.SelectPolicy is { } select && !SelectPolicies.Contains(select))
        {
            yield return FieldError.NotSupported($"{path}.selectPolicy", select, SelectPolicies);
        }

        if (rules.Policies is not { Count: > 0 } policies)
        {
            yield return FieldError.Required($"{path}.policies", "must specify at least one Policy");
            yield break;
        }

        for (var i = 0; i < policies.Count; i++)
        {
            var policy = policies[i];
            var at = $"{path}.policies[{i}]";
            if (!PolicyTypes.Contains(policy.Type))
            {
                yield return FieldError.NotSupported($"{at}.type", policy.Type, PolicyTypes);
            }

            if (policy.Value <= 0)
            {
                yield return FieldError.Invalid($"{at}.value", Text(policy.Value), "must be greater than zero");
            }

            if (policy.PeriodSeconds <= 0)
            {
                yield return FieldError.Invalid($"{at}.periodSeconds", Text(policy.PeriodSeconds), "must be greater than zero");
            }
            else if (policy.PeriodSeconds > 1800)
            {
                yield return FieldError.Invalid($"{at}.periodSeconds", Text(policy.PeriodSeconds), "must be less than or equal to 1800");
            }
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
