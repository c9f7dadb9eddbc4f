using Platform.Api.Model;
using Platform.Contracts;
using Platform.Grains.Abstractions;

namespace Platform.Grains.Images;

/// <summary>
/// The cluster's view of one image: the newest digest a node pulled for the tag, its layers and size,
/// and every node holding it (for `platformctl get images` now, image locality in scheduling later).
/// </summary>
public sealed class ImageGrain(
    [PersistentState("image", StorageNames.ControlPlane)] IPersistentState<Image> state) : Grain, IImageGrain
{
    public async Task RecordPulled(ImagePulled pulled)
    {
        var image = state.State;
        var isNew = !state.RecordExists;
        if (isNew || pulled.PulledAt >= image.Status.Nodes.Select(n => n.PulledAt).DefaultIfEmpty().Max())
        {
            image.Status.Digest = pulled.ManifestDigest;
            image.Status.ConfigDigest = pulled.ConfigDigest;
            image.Status.Layers = [.. pulled.Layers];
            image.Status.Size = pulled.Layers.Sum(l => l.Size);
            image.Status.Created = pulled.Created;
        }

        image.ApiVersion = Image.GroupVersion;
        image.Kind = Image.KindName;
        image.Metadata.Name = this.GetPrimaryKeyString();
        image.Status.Nodes.RemoveAll(n => n.Name == pulled.NodeName);
        image.Status.Nodes.Add(new ImageNode { Name = pulled.NodeName, Digest = pulled.ManifestDigest, PulledAt = pulled.PulledAt });
        image.Status.Nodes.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        await state.WriteStateAsync();
        if (isNew)
        {
            await GrainFactory.GetGrain<IResourceIndexGrain>(GrainKeys.ImageIndex).Add(this.GetPrimaryKeyString());
        }
    }

    public Task<Image?> Get() => Task.FromResult(state.RecordExists ? state.State : null);
}
