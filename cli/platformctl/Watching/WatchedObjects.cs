using System.Text.Json.Nodes;
using Platform.Cli.Resources;

namespace Platform.Cli.Watching;

/// <summary>
/// The objects a watch has seen, by namespace and name with their resourceVersion. After a 410 the
/// watcher lists again; comparing that list with what was seen gives the events missed meanwhile
/// (new objects ADDED, changed ones MODIFIED, vanished ones DELETED), as an informer's relist does.
/// </summary>
internal sealed class WatchedObjects
{
    private readonly Dictionary<string, JsonNode> byKey = new(StringComparer.Ordinal);

    public int Count => byKey.Count;

    public void Record(WatchEvent change)
    {
        var key = Key(change.Object);
        if (change.Type == WatchEvent.Deleted)
        {
            byKey.Remove(key);
        }
        else
        {
            byKey[key] = change.Object;
        }
    }

    /// <summary>The events that turn what was seen into <paramref name="items"/>; the set becomes the list.</summary>
    public IReadOnlyList<WatchEvent> Relist(IReadOnlyList<JsonNode> items)
    {
        var events = new List<WatchEvent>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = Key(item);
            listed.Add(key);
            if (!byKey.TryGetValue(key, out var seen))
            {
                events.Add(new WatchEvent(WatchEvent.Added, item));
            }
            else if (ApiObjects.ResourceVersion(seen) != ApiObjects.ResourceVersion(item))
            {
                events.Add(new WatchEvent(WatchEvent.Modified, item));
            }
        }

        events.AddRange(byKey.Where(pair => !listed.Contains(pair.Key)).Select(pair => new WatchEvent(WatchEvent.Deleted, pair.Value)));
        byKey.Clear();
        foreach (var item in items)
        {
            byKey[Key(item)] = item;
        }

        return events;
    }

    private static string Key(JsonNode item) => $"{ApiObjects.Namespace(item)}/{ApiObjects.Name(item)}";
}
