using System.Text;
using Platform.ImageStore.Distribution;

namespace Platform.ImageStore.Storage;

/// <summary>
/// What each repository holds: links to the blobs pushed or mounted into it, and links to its
/// manifests with their media types. A blob is visible in a repository only through its link,
/// so deleting it there never takes it from another repository.
/// </summary>
public sealed class RepositoryStore(StoreLayout layout, BlobStore blobs)
{
    private const string BlobFolder = "_layers";
    private const string ManifestFolder = "_manifests";

    public bool Exists(RepositoryName name)
    {
        var folder = layout.Repository(name);
        return Directory.Exists(Path.Combine(folder, BlobFolder)) || Directory.Exists(Path.Combine(folder, ManifestFolder));
    }

    public bool HasBlob(RepositoryName name, Digest digest) =>
        File.Exists(layout.BlobLink(name, digest)) && blobs.Exists(digest);

    public void LinkBlob(RepositoryName name, Digest digest)
    {
        Directory.CreateDirectory(layout.BlobLinks(name));
        File.Create(layout.BlobLink(name, digest)).Dispose();
    }

    public bool UnlinkBlob(RepositoryName name, Digest digest) => DeleteIfPresent(layout.BlobLink(name, digest));

    public IEnumerable<Digest> LinkedBlobs(RepositoryName name) => DigestsIn(layout.BlobLinks(name));

    /// <summary>Links the manifest; a re-push of the same manifest writes (and flushes) nothing.</summary>
    public async Task LinkManifestAsync(RepositoryName name, Digest digest, string mediaType, CancellationToken cancellationToken)
    {
        if (await ManifestMediaTypeAsync(name, digest, cancellationToken) != mediaType)
        {
            await DurableFile.WriteAsync(layout, layout.ManifestLink(name, digest), Encoding.UTF8.GetBytes(mediaType), cancellationToken);
        }
    }

    /// <summary>The media type the manifest was pushed with, or null if the repository has no such manifest.</summary>
    public async Task<string?> ManifestMediaTypeAsync(RepositoryName name, Digest digest, CancellationToken cancellationToken)
    {
        try
        {
            return blobs.Exists(digest) ? await File.ReadAllTextAsync(layout.ManifestLink(name, digest), cancellationToken) : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public bool HasManifest(RepositoryName name, Digest digest) =>
        File.Exists(layout.ManifestLink(name, digest)) && blobs.Exists(digest);

    public bool UnlinkManifest(RepositoryName name, Digest digest) => DeleteIfPresent(layout.ManifestLink(name, digest));

    public IEnumerable<Digest> Manifests(RepositoryName name) => DigestsIn(layout.ManifestLinks(name));

    /// <summary>All repository names, sorted as the catalog lists them.</summary>
    public IReadOnlyList<string> Names()
    {
        var names = new List<string>();
        Collect(new DirectoryInfo(layout.Repositories), "", names);
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private static void Collect(DirectoryInfo folder, string prefix, List<string> names)
    {
        foreach (var child in folder.EnumerateDirectories())
        {
            if (child.Name.StartsWith('_'))
            {
                continue;
            }

            var name = prefix + child.Name;
            if (child.EnumerateDirectories().Any(d => d.Name is BlobFolder or ManifestFolder))
            {
                names.Add(name);
            }

            Collect(child, name + "/", names);
        }
    }

    private static IEnumerable<Digest> DigestsIn(string folder)
    {
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (Digest.TryFromHex(Path.GetFileName(file), out var digest))
            {
                yield return digest;
            }
        }
    }

    private static bool DeleteIfPresent(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }
}
