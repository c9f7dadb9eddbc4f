namespace Platform.Grains.Abstractions;

/// <summary>What a delete does to the objects its object owns (Kubernetes' DeleteOptions.propagationPolicy).</summary>
[GenerateSerializer]
public enum DeletePropagation
{
    /// <summary>The owner goes at once; its dependents are deleted after it (the default).</summary>
    Background,

    /// <summary>The owner stays, deleting, with the foregroundDeletion finalizer until its blocking dependents are gone.</summary>
    Foreground,

    /// <summary>The dependents lose their owner reference and stay.</summary>
    Orphan,
}

/// <summary>The well-known finalizers.</summary>
public static class Finalizers
{
    public const string ForegroundDeletion = "foregroundDeletion";
    public const string Orphan = "orphan";
}
