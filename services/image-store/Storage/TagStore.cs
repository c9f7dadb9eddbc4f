using System.Text;
using Platform.ImageStore.Distribution;

namespace Platform.ImageStore.Storage;

/// <summary>Tags: one small file per tag naming the manifest digest it points to.</summary>
public sealed class TagStore(StoreLayout layout)
{
    /// <summary>Points the tag at the manifest; a tag that already points there is left alone.</summary>
    public async Task SetAsync(RepositoryName name, string tag, Digest digest, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(name, tag, cancellationToken) != digest)
        {
            await DurableFile.WriteAsync(layout, layout.Tag(name, tag), Encoding.UTF8.GetBytes(digest.ToString()), cancellationToken);
        }
    }

    public async Task<Digest?> ResolveAsync(RepositoryName name, string tag, CancellationToken cancellationToken)
    {
        try
        {
            var text = await File.ReadAllTextAsync(layout.Tag(name, tag), cancellationToken);
            return Digest.TryParse(text, out var digest) ? digest : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The repository's tags in lexical order, as the tags list answers them.</summary>
    public IReadOnlyList<string> List(RepositoryName name)
    {
        var folder = layout.Tags(name);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var tags = Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().ToList();
        tags.Sort(StringComparer.Ordinal);
        return tags;
    }

    public bool Delete(RepositoryName name, string tag)
    {
        var path = layout.Tag(name, tag);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    /// <summary>Removes every tag of the repository that points to this manifest.</summary>
    public async Task DeletePointingToAsync(RepositoryName name, Digest digest, CancellationToken cancellationToken)
    {
        foreach (var tag in List(name))
        {
            if (await ResolveAsync(name, tag, cancellationToken) == digest)
            {
                Delete(name, tag);
            }
        }
    }
}
