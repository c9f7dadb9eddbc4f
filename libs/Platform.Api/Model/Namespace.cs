namespace Platform.Api.Model;

/// <summary>A namespace: a scope for names. Deleting it deletes everything in it.</summary>
public sealed class Namespace : TypeMeta, IApiObject
{
    public const string KindName = "Namespace";

    public ObjectMeta Metadata { get; set; } = new();
    public NamespaceSpec? Spec { get; set; }
    public NamespaceStatus? Status { get; set; }
}

public sealed class NamespaceSpec
{
    public List<string>? Finalizers { get; set; }
}

public sealed class NamespaceStatus
{
    /// <summary>Active or Terminating.</summary>
    public string? Phase { get; set; }
}
