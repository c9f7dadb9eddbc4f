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
        metadata.DeletionGracePeriodSeconds = null;
    }

    /// <summary>An update naming a resourceVersion other than the stored one lost a race (optimistic concurrency).</summary>
    public static bool IsStale(ObjectMeta updated, ObjectMeta existing) =>
        updated.ResourceVersion is { Length: > 0 } version && version != existing.ResourceVersion;

    public static string ConflictMessage(string resource, string? name) =>
        $"Operation cannot be fulfilled on {resource} \"{name}\": the object has been modified; please apply your changes to the latest version and try again";

    public static bool IsDeleting(ObjectMeta metadata) => metadata.DeletionTimestamp is not null;

    public static bool HasFinalizers(ObjectMeta metadata) => metadata.Finalizers is { Count: > 0 };

    public static bool HasFinalizer(ObjectMeta metadata, string finalizer) => metadata.Finalizers?.Contains(finalizer) == true;

    /// <summary>Deleting, and nothing holds it any more: the object may go.</summary>
    public static bool IsReleased(ObjectMeta metadata) => IsDeleting(metadata) && !HasFinalizers(metadata);

    /// <summary>Once an object is being deleted its finalizers may only be removed, as Kubernetes' validation says.</summary>
    public static FieldError? RefuseNewFinalizers(ObjectMeta updated, ObjectMeta existing)
    {
        if (!IsDeleting(existing))
        {
            return null;
        }

        var added = (updated.Finalizers ?? []).Except(existing.Finalizers ?? []).ToList();
        return added.Count == 0
            ? null
            : FieldError.Forbidden("metadata.finalizers", $"no new finalizers can be added if the object is being deleted, found new finalizers [{string.Join(" ", added)}]");
    }

    public static bool SameMetadata(ObjectMeta updated, ObjectMeta existing) =>
        SpecEquality.AreEqual(updated.Labels, existing.Labels)
        && SpecEquality.AreEqual(updated.Annotations, existing.Annotations)
        && SpecEquality.AreEqual(Normalised(updated.Finalizers), Normalised(existing.Finalizers))
        && SpecEquality.AreEqual(updated.OwnerReferences ?? [], existing.OwnerReferences ?? []);

    /// <summary>Labels, annotations, finalizers and owners are the user's; uid, creation and deletion times stay the server's.</summary>
    public static void TakeUserMetadata(ObjectMeta existing, ObjectMeta updated)
    {
        existing.Labels = updated.Labels;
        existing.Annotations = updated.Annotations;
        existing.Finalizers = Normalised(updated.Finalizers);
        existing.OwnerReferences = updated.OwnerReferences is { Count: > 0 } owners ? owners : null;
    }

    public static void AddFinalizer(ObjectMeta metadata, string finalizer)
    {
        if (metadata.Finalizers?.Contains(finalizer) != true)
        {
            metadata.Finalizers = [.. metadata.Finalizers ?? [], finalizer];
        }
    }

    public static bool RemoveFinalizer(ObjectMeta metadata, string finalizer)
    {
        if (metadata.Finalizers?.Remove(finalizer) != true)
        {
            return false;
        }

        metadata.Finalizers = Normalised(metadata.Finalizers);
        return true;
    }

    /// <summary>An empty list and no list are the same (Kubernetes drops an empty finalizers list).</summary>
    private static List<string>? Normalised(List<string>? finalizers) => finalizers is { Count: > 0 } ? finalizers : null;
}
