namespace Platform.Api.Model;

/// <summary>A list response (PodList, NodeList, ...).</summary>
public sealed class ObjectList<T> : TypeMeta
{
    public ListMeta Metadata { get; set; } = new();
    public List<T> Items { get; set; } = [];
}
