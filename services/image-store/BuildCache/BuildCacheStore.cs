using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.ImageStore.Storage;

namespace Platform.ImageStore.BuildCache;

/// <summary>
/// The build cache shared by every node: one small JSON file per step key under
/// <c>buildcache/entries/</c>, and a link per child under <c>buildcache/children/PARENT/</c>, each
/// written durably (temporary file, flush, rename). Keys are hex sha256 strings made by the builders.
/// </summary>
public sealed partial class BuildCacheStore(StoreLayout layout)
{
    public const int MaxEntryBytes = 1024 * 1024;

    private string Root => Path.Combine(layout.Root, "buildcache");

    public static bool IsKey(string key) => KeyPattern().IsMatch(key);

    public async Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = EntryPath(key);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    public async Task<List<JsonElement>> ChildrenAsync(string parent, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Root, "children", parent);
        var children = new List<JsonElement>();
        if (!Directory.Exists(directory))
        {
            return children;
        }

        foreach (var child in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            if (await ReadAsync(Path.GetFileName(child), cancellationToken) is { } content)
            {
                children.Add(JsonDocument.Parse(content).RootElement.Clone());
            }
        }

        return children;
    }

    public async Task WriteAsync(string key, string parent, byte[] content, CancellationToken cancellationToken)
    {
        await DurableFile.WriteAsync(layout, EntryPath(key), content, cancellationToken);
        await DurableFile.WriteAsync(layout, Path.Combine(Root, "children", parent, key), ReadOnlyMemory<byte>.Empty, cancellationToken);
    }

    private string EntryPath(string key) => Path.Combine(Root, "entries", key[..2], key);

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex KeyPattern();
}
