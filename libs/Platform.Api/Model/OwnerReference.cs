namespace Platform.Api.Model;

/// <summary>Names the object that owns this one; deleting the owner deletes what it owns.</summary>
public sealed class OwnerReference
{
    public string? ApiVersion { get; set; }
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public string? Uid { get; set; }
    public bool? Controller { get; set; }
    public bool? BlockOwnerDeletion { get; set; }
}
