using System.Diagnostics.Metrics;

namespace Platform.ImageStore.Hosting;

/// <summary>The registry's own figures for /metrics (request counts and durations come from ASP.NET Core).</summary>
public static class RegistryMetrics
{
    private static readonly Meter Meter = new("Platform.ImageStore");

    /// <summary>Bytes of blobs sent to clients in whole-blob GETs (ranged reads go through the framework).</summary>
    public static readonly Counter<long> BlobBytesServed =
        Meter.CreateCounter<long>("platform.image_store.blob.served", "By", "Bytes of blobs sent to clients");

    /// <summary>Bytes written into upload sessions (pushes), counted as they arrive.</summary>
    public static readonly Counter<long> BlobBytesPushed =
        Meter.CreateCounter<long>("platform.image_store.blob.pushed", "By", "Bytes of blobs received from clients");

    /// <summary>Uploads committed as blobs.</summary>
    public static readonly Counter<long> BlobsCommitted =
        Meter.CreateCounter<long>("platform.image_store.blob.committed", "{blob}", "Uploads committed as blobs");
}
