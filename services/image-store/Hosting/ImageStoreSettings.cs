using System.Globalization;

namespace Platform.ImageStore.Hosting;

/// <summary>The image store's settings, read from PLATFORM_* environment variables (see the README beside Program.cs).</summary>
public sealed record ImageStoreSettings(
    Uri ListenUrl,
    string Home,
    string? AdminTokenFile,
    bool AnonymousPull,
    bool ReadOnly,
    TimeSpan GarbageCollectionInterval,
    TimeSpan GarbageCollectionGrace,
    int MaxOpenUploads)
{
    /// <summary>Everything the registry keeps lives here, so that one directory is its whole state.</summary>
    public string StoreRoot => Path.Combine(Home, "image-store");

    public static ImageStoreSettings From(IConfiguration configuration) => new(
        new Uri(configuration["PLATFORM_IMAGE_STORE_URL"] ?? "http://127.0.0.1:5000"),
        configuration["PLATFORM_HOME"] ?? "/var/lib/platform",
        configuration["PLATFORM_ADMIN_TOKEN_FILE"],
        Flag(configuration, "PLATFORM_IMAGE_STORE_ANONYMOUS_PULL", true),
        Flag(configuration, "PLATFORM_IMAGE_STORE_READ_ONLY", false),
        Seconds(configuration, "PLATFORM_IMAGE_STORE_GC_INTERVAL_SECONDS", 3600),
        Seconds(configuration, "PLATFORM_IMAGE_STORE_GC_GRACE_SECONDS", 3600),
        Number(configuration, "PLATFORM_IMAGE_STORE_MAX_UPLOADS", 1024));

    private static bool Flag(IConfiguration configuration, string key, bool fallback) =>
        configuration[key] is { } text ? bool.Parse(text) : fallback;

    private static TimeSpan Seconds(IConfiguration configuration, string key, int fallback) =>
        TimeSpan.FromSeconds(Number(configuration, key, fallback));

    private static int Number(IConfiguration configuration, string key, int fallback) =>
        configuration[key] is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
