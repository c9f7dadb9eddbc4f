using Platform.Oci.Model;

namespace Platform.Build.Building;

/// <summary>
/// The image a stage has built so far: its config (what the metadata instructions set), its layers and
/// history, and the cache key of its last step. Immutable: each step makes the next state.
/// </summary>
public sealed record ImageState
{
    public static readonly IReadOnlyList<string> DefaultShell = ["/bin/sh", "-c"];

    public required ContainerConfig Config { get; init; }

    public IReadOnlyList<LayerReference> Layers { get; init; } = [];

    public IReadOnlyList<HistoryEntry> History { get; init; } = [];

    public string? Author { get; init; }

    /// <summary>SHELL of this stage; not part of the image config, as in Docker.</summary>
    public IReadOnlyList<string> Shell { get; init; } = DefaultShell;

    /// <summary>The cache key of the last step (hex sha256).</summary>
    public required string CacheKey { get; init; }

    public static ImageState Scratch(string cacheKey) => new() { Config = new ContainerConfig(), CacheKey = cacheKey };

    /// <summary>A base image: its config and layers as pulled; history kept, so built images show where they came from.</summary>
    public static ImageState FromBase(ImageConfig config, IReadOnlyList<LayerReference> layers, string cacheKey) => new()
    {
        Config = config.Config ?? new ContainerConfig(),
        Layers = layers,
        History = config.History ?? [],
        Author = config.Author,
        CacheKey = cacheKey,
    };

    /// <summary>The variables of the image's ENV, last one winning.</summary>
    public Dictionary<string, string> Environment()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Config.Env ?? [])
        {
            var equals = entry.IndexOf('=');
            if (equals > 0)
            {
                variables[entry[..equals]] = entry[(equals + 1)..];
            }
        }

        return variables;
    }

    public ImageState WithHistory(string createdBy, bool emptyLayer, string cacheKey) => this with
    {
        History = [.. History, new HistoryEntry { Created = DateTimeOffset.UnixEpoch, CreatedBy = createdBy, EmptyLayer = emptyLayer ? true : null }],
        CacheKey = cacheKey,
    };

    /// <summary>The final image config: times fixed at the epoch so that the same build gives the same digest.</summary>
    public ImageConfig ToImageConfig() => new()
    {
        Created = DateTimeOffset.UnixEpoch,
        Author = Author,
        Architecture = "amd64",
        OperatingSystem = "linux",
        Config = Config,
        RootFileSystem = new RootFileSystem { DiffIds = Layers.Select(l => l.DiffId.ToString()).ToList() },
        History = History,
    };
}
