using Platform.Api.Model;

namespace Platform.Grains.Tests.Lifecycle;

public sealed class ObjectRulesTests
{
    private static ObjectMeta Meta(bool deleting, params string[] finalizers) => new()
    {
        Name = "web",
        Finalizers = finalizers.Length == 0 ? null : [.. finalizers],
        DeletionTimestamp = deleting ? DateTimeOffset.UnixEpoch : null,
    };

    [Fact]
    public void FinalizersMayBeAddedWhileTheObjectLives() =>
        Assert.Null(ObjectLifecycle.RefuseNewFinalizers(Meta(false, "a.io/x", "b.io/y"), Meta(false, "a.io/x")));

    [Fact]
    public void NoNewFinalizerMayBeAddedOnceDeleting()
    {
        var error = ObjectLifecycle.RefuseNewFinalizers(Meta(true, "a.io/x", "b.io/y"), Meta(true, "a.io/x"));
        Assert.NotNull(error);
        Assert.Equal("metadata.finalizers", error.Field);
        Assert.Equal("FieldValueForbidden", error.Type);
        Assert.Contains("[b.io/y]", error.Detail);
    }

    [Fact]
    public void RemovingFinalizersWhileDeletingIsAllowed() =>
        Assert.Null(ObjectLifecycle.RefuseNewFinalizers(Meta(true), Meta(true, "a.io/x", "b.io/y")));

    [Fact]
    public void AnObjectIsReleasedWhenDeletingWithoutFinalizers()
    {
        Assert.True(ObjectLifecycle.IsReleased(Meta(true)));
        Assert.False(ObjectLifecycle.IsReleased(Meta(true, "a.io/x")));
        Assert.False(ObjectLifecycle.IsReleased(Meta(false)));
    }

    [Fact]
    public void AnEmptyFinalizerListIsNoList()
    {
        var existing = Meta(false);
        Assert.True(ObjectLifecycle.SameMetadata(new ObjectMeta { Name = "web", Finalizers = [] }, existing));
        ObjectLifecycle.TakeUserMetadata(existing, new ObjectMeta { Finalizers = [], OwnerReferences = [] });
        Assert.Null(existing.Finalizers);
        Assert.Null(existing.OwnerReferences);
    }

    [Fact]
    public void OwnerReferencesAreTheUsersToChange()
    {
        var owned = new ObjectMeta { OwnerReferences = [new OwnerReference { Kind = "ReplicaSet", Name = "web", Uid = "1" }] };
        Assert.False(ObjectLifecycle.SameMetadata(new ObjectMeta(), owned));
        ObjectLifecycle.TakeUserMetadata(owned, new ObjectMeta());
        Assert.Null(owned.OwnerReferences);
    }

    [Fact]
    public void TheForegroundFinalizerIsAddedOnceAndRemovedToNothing()
    {
        var metadata = Meta(false);
        ObjectLifecycle.AddFinalizer(metadata, "foregroundDeletion");
        ObjectLifecycle.AddFinalizer(metadata, "foregroundDeletion");
        Assert.Equal(["foregroundDeletion"], metadata.Finalizers);
        Assert.True(ObjectLifecycle.RemoveFinalizer(metadata, "foregroundDeletion"));
        Assert.Null(metadata.Finalizers);
        Assert.False(ObjectLifecycle.RemoveFinalizer(metadata, "foregroundDeletion"));
    }

    [Fact]
    public void CreationClearsWhatOnlyTheServerSets()
    {
        var metadata = new ObjectMeta { Name = "web", DeletionTimestamp = DateTimeOffset.UnixEpoch, DeletionGracePeriodSeconds = 30 };
        ObjectLifecycle.Initialise(metadata, DateTimeOffset.UnixEpoch.AddDays(1));
        Assert.Null(metadata.DeletionTimestamp);
        Assert.Null(metadata.DeletionGracePeriodSeconds);
        Assert.Equal(1, metadata.Generation);
        Assert.NotNull(metadata.Uid);
    }
}
