using System.Collections.Concurrent;
using MassTransit;
using Platform.Api.Model;
using Platform.Contracts;
using Platform.Messaging;
using Platform.Oci.References;
using Platform.Oci.Store;

namespace Platform.NodeAgent.Runtime;

/// <summary>
/// Tells the control plane which images this node holds: once per image digest and agent process,
/// best effort (a lost announcement only delays what `get images` shows; the next agent start repeats it).
/// </summary>
public sealed partial class ImageAnnouncer(IBus bus, NodeAgentSettings settings, TimeProvider time, ILogger<ImageAnnouncer> logger)
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, bool> announced = new();

    public async Task AnnounceAsync(ImageReference reference, PulledImage image, CancellationToken cancellationToken)
    {
        var name = (reference with { Digest = null }).ToString();
        if (!announced.TryAdd($"{name}@{image.ManifestDigest}", true))
        {
            return;
        }

        var message = new ImagePulled(
            settings.NodeName,
            name,
            image.ManifestDigest.ToString(),
            image.ConfigDigest.ToString(),
            image.LayerBlobs.Select(l => new ImageLayer { Digest = l.Digest, Size = l.Size }).ToList(),
            image.Config.Created,
            time.GetUtcNow());
        try
        {
            await bus.PublishWithin(message, PublishTimeout, cancellationToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            announced.TryRemove($"{name}@{image.ManifestDigest}", out _);
            LogNotAnnounced(e, name);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not announce image {Image} to the control plane; the next pull retries")]
    private partial void LogNotAnnounced(Exception e, string image);
}
