using Platform.Api.Model;
using Platform.Contracts;

namespace Platform.Grains.Abstractions;

/// <summary>One image (registry/repository:tag), as the cluster knows it. Keyed by the full reference.</summary>
public interface IImageGrain : IGrainWithStringKey
{
    Task RecordPulled(ImagePulled pulled);

    Task<Image?> Get();
}
