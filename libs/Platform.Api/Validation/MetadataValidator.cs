using Platform.Api.Model;

namespace Platform.Api.Validation;

public static class MetadataValidator
{
    private const int MaxAnnotationsBytes = 256 * 1024;
    private static readonly string[] StandardFinalizers = ["kubernetes", "orphan", "foregroundDeletion"];

    /// <summary>Checks a name, namespace, labels and annotations of a submitted object.</summary>
    public static IEnumerable<FieldError> Validate(ObjectMeta metadata, bool namespaced)
    {
        if (string.IsNullOrEmpty(metadata.Name))
        {
            yield return FieldError.Required("metadata.name");
        }
        else if (Names.CheckSubdomain(metadata.Name) is { } problem)
        {
            yield return FieldError.Invalid("metadata.name", metadata.Name, problem);
        }

        if (namespaced && metadata.Namespace is { } ns && Names.CheckLabel(ns) is { } nsProblem)
        {
            yield return FieldError.Invalid("metadata.namespace", ns, nsProblem);
        }

        foreach (var error in ValidateLabels(metadata.Labels, "metadata.labels"))
        {
            yield return error;
        }

        foreach (var key in metadata.Annotations?.Keys ?? Enumerable.Empty<string>())
        {
            if (Names.CheckQualifiedName(key) is { } keyProblem)
            {
                yield return FieldError.Invalid("metadata.annotations", key, keyProblem);
            }
        }

        foreach (var error in ValidateFinalizers(metadata.Finalizers))
        {
            yield return error;
        }

        var annotationBytes = metadata.Annotations?.Sum(a => a.Key.Length + a.Value.Length) ?? 0;
        if (annotationBytes > MaxAnnotationsBytes)
        {
            yield return new FieldError("metadata.annotations", "FieldValueTooLong", $"Too long: must have at most {MaxAnnotationsBytes} bytes");
        }
    }

    /// <summary>A finalizer is a qualified name with a domain ("example.com/cleanup"), or one of Kubernetes' own.</summary>
    public static IEnumerable<FieldError> ValidateFinalizers(List<string>? finalizers)
    {
        for (var i = 0; i < (finalizers?.Count ?? 0); i++)
        {
            var finalizer = finalizers![i];
            var path = $"metadata.finalizers[{i}]";
            if (Names.CheckQualifiedName(finalizer) is { } problem)
            {
                yield return FieldError.Invalid(path, finalizer, problem);
            }
            else if (!finalizer.Contains('/') && !StandardFinalizers.Contains(finalizer))
            {
                yield return FieldError.Invalid(path, finalizer, "name is neither a standard finalizer name nor is it fully qualified");
            }
        }
    }

    /// <summary>Checks label keys and values, reporting them under <paramref name="path"/>.</summary>
    public static IEnumerable<FieldError> ValidateLabels(Dictionary<string, string>? labels, string path)
    {
        foreach (var (key, value) in labels ?? [])
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
}
