using Platform.ImageStore.Distribution;
using Platform.ImageStore.Hosting;

namespace Platform.ImageStore.Storage;

/// <summary>
/// Where each thing lives under $PLATFORM_HOME/image-store. Blobs (layers, configs and manifests
/// alike) are stored once by digest; repositories only hold small link files naming them.
/// Temporary files are on the same file system as blobs, so that moving one into place is an
/// atomic rename.
/// </summary>
public sealed class StoreLayout
{
    public StoreLayout(ImageStoreSettings settings)
    {
        Root = settings.StoreRoot;
        Blobs = Path.Combine(Root, "blobs", "sha256");
        Uploads = Path.Combine(Root, "uploads");
        Repositories = Path.Combine(Root, "repositories");
        Temporary = Path.Combine(Root, "tmp");
        foreach (var folder in new[] { Blobs, Uploads, Repositories, Temporary })
        {
            Directory.CreateDirectory(folder);
        }
    }

    public string Root { get; }

    public string Blobs { get; }

    public string Uploads { get; }

    public string Repositories { get; }

    public string Temporary { get; }

    /// <summary>Two hex digits of fan-out keep directories small on stores of many blobs.</summary>
    public string Blob(Digest digest) => Path.Combine(Blobs, digest.Hex[..2], digest.Hex);

    public string Upload(string id) => Path.Combine(Uploads, id);

    public string Repository(RepositoryName name) => Path.Combine(Repositories, name.Value);

    public string BlobLinks(RepositoryName name) => Path.Combine(Repository(name), "_layers", "sha256");

    public string BlobLink(RepositoryName name, Digest digest) => Path.Combine(BlobLinks(name), digest.Hex);

    public string ManifestLinks(RepositoryName name) => Path.Combine(Repository(name), "_manifests", "revisions", "sha256");

    public string ManifestLink(RepositoryName name, Digest digest) => Path.Combine(ManifestLinks(name), digest.Hex);

    public string Tags(RepositoryName name) => Path.Combine(Repository(name), "_manifests", "tags");

    public string Tag(RepositoryName name, string tag) => Path.Combine(Tags(name), tag);

    public string Referrers(RepositoryName name, Digest subject) => Path.Combine(Repository(name), "_referrers", "sha256", subject.Hex);

    public string TemporaryFile() => Path.Combine(Temporary, Guid.NewGuid().ToString("N"));
}
