namespace Platform.Oci.Store;

/// <summary>
/// Where a pull stands: bytes of the layers that needed downloading, and layers ready (present
/// before or unpacked now) out of the image's total. <see cref="Status"/> says what happens now.
/// </summary>
public sealed record PullProgress(long BytesDownloaded, long BytesToDownload, int LayersReady, int LayersTotal, string Status);
