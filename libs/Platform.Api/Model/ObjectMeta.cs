using System.Text.Json.Serialization;

namespace Platform.Api.Model;

/// <summary>Metadata every stored object carries, as Kubernetes' ObjectMeta.</summary>
public sealed class ObjectMeta
{
    public string? Name { get; set; }
    public string? GenerateName { get; set; }
    public string? Namespace { get; set; }
    public string? Uid { get; set; }
    public string? ResourceVersion { get; set; }
    public long? Generation { get; set; }
    public DateTimeOffset? CreationTimestamp { get; set; }
    public DateTimeOffset? DeletionTimestamp { get; set; }
    public Dictionary<string, string>? Labels { get; set; }
    public Dictionary<string, string>? Annotations { get; set; }
    public List<OwnerReference>? OwnerReferences { get; set; }
    public List<string>? Finalizers { get; set; }
    public long? DeletionGracePeriodSeconds { get; set; }
}

/// <summary>Metadata of a list response.</summary>
public sealed class ListMeta
{
    public string? ResourceVersion { get; set; }
    public string? Continue { get; set; }
}

/// <summary>The type header shared by every object: apiVersion and kind.</summary>
public class TypeMeta
{
    [JsonPropertyOrder(-2)]
    public string? ApiVersion { get; set; }

    [JsonPropertyOrder(-1)]
    public string? Kind { get; set; }
}
