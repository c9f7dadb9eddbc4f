using System.Text.Json;
using Platform.ImageStore.Distribution;

namespace Platform.ImageStore.Storage;

/// <summary>
/// The referrers index: for each subject digest, the descriptors of the repository's manifests
/// whose `subject` names it, written when they are pushed so that listing them reads no manifests.
/// </summary>
public sealed class ReferrerStore(StoreLayout layout)
{
    public Task AddAsync(RepositoryName name, Digest subject, Descriptor referrer, CancellationToken cancellationToken) =>
        DurableFile.WriteAsync(layout, Entry(name, subject, referrer.Digest), JsonSerializer.SerializeToUtf8Bytes(referrer), cancellationToken);

    public void Remove(RepositoryName name, Digest subject, Digest referrer) =>
        File.Delete(Entry(name, subject, referrer.ToString()));

    public async Task<IReadOnlyList<Descriptor>> ListAsync(RepositoryName name, Digest subject, string? artifactType, CancellationToken cancellationToken)
    {
        var folder = layout.Referrers(name, subject);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var referrers = new List<Descriptor>();
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var descriptor = await ReadAsync(file, cancellationToken);
            if (descriptor is not null && (artifactType is null || descriptor.ArtifactType == artifactType))
            {
                referrers.Add(descriptor);
            }
        }

        return referrers;
    }

    private static async Task<Descriptor?> ReadAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(file);
            return await JsonSerializer.DeserializeAsync<Descriptor>(stream, cancellationToken: cancellationToken);
        }
        catch (FileNotFoundException)
        {
            return null; // removed while listing
        }
    }

    private string Entry(RepositoryName name, Digest subject, string referrer) =>
        Path.Combine(layout.Referrers(name, subject), Digest.Parse(referrer).Hex);
}
