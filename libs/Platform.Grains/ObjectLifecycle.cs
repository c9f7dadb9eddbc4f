using Platform.Api.Model;
using Platform.Api.Validation;

namespace Platform.Grains;

/// <summary>The metadata rules every stored kind shares: what create sets, what an update may change, when it is stale.</summary>
public static class ObjectLifecycle
{
    public static void Initialise(ObjectMeta metadata, DateTimeOffset now)
    {
        metadata.Uid = Guid.NewGuid().ToString();
        metadata.CreationTimestamp = now;
        metadata.Generation = 1;
        metadata.DeletionTimestamp = null;
    }

    /// <summary>An update naming a resourceVersion other than the stored one lost a race (optimistic concurrency).</summary>
    public static bool IsStale(ObjectMeta updated, ObjectMeta existing) =>
        updated.ResourceVersion is { Length: > 0 } version && version != existing.ResourceVersion;

    public static string ConflictMessage(string resource, string? name) =>
        $"Operation cannot be fulfilled on {resource} \"{name}\": the object has been modified; please apply your changes to the latest version and try again";

    public static bool SameMetadata(ObjectMeta updated, ObjectMeta existing) =>
        SpecEquality.AreEqual(updated.Labels, existing.Labels)
        && SpecEquality.AreEqual(updated.Annotations, existing.Annotations)
        && SpecEquality.AreEqual(updated.Finalizers, existing.Finalizers);

    /// <summary>Labels, annotations and finalizers are the user's; uid, creation time and the rest stay the server's.</summary>
    public static void TakeUserMetadata(ObjectMeta existing, ObjectMeta updated)
    {
        existing.Labels = updated.Labels;
        existing.Annotations = updated.Annotations;
        existing.Finalizers = updated.Finalizers;
    }
}
