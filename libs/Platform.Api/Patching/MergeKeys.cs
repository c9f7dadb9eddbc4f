namespace Platform.Api.Patching;

/// <summary>
/// The patch merge keys of the Kubernetes types this API serves, by list field name (the names do not
/// collide across the kinds served here, so the field name alone decides).
/// </summary>
public static class MergeKeys
{
    private static readonly Dictionary<string, string> ByField = new(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["volumeMounts"] = "mountPath",
        ["ports"] = "containerPort",
        ["conditions"] = "type",
        ["ownerReferences"] = "uid",
        ["imagePullSecrets"] = "name",
        ["hostAliases"] = "ip",
        ["addresses"] = "type",
    };

    public static string? For(string field) => ByField.GetValueOrDefault(field);
}
