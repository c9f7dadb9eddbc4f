using Platform.Api.Model;

namespace Platform.Contracts;

/// <summary>
/// A node has an image: its layers are unpacked in the node's cache. Published by node agents after a
/// pull (once per image and agent process); consumed by the api-gateway, which records it on the
/// image's grain. Idempotent: the same node and digest again only refreshes the time.
/// </summary>
public sealed record ImagePulled(
    string NodeName,
    string Reference,
    string ManifestDigest,
    string ConfigDigest,
    IReadOnlyList<ImageLayer> Layers,
    DateTimeOffset? Created,
    DateTimeOffset PulledAt);
