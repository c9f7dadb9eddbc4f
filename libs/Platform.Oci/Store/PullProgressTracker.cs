namespace Platform.Oci.Store;

/// <summary>Adds up one pull's bytes and layers and reports them through the caller's <see cref="IProgress{T}"/>.</summary>
internal sealed class PullProgressTracker(IProgress<PullProgress>? progress, long bytesToDownload, int layersTotal)
{
    private long bytesBefore;
    private long bytesInLayer;
    private int layersReady;

    /// <summary>A byte counter for the layer now downloading; it reports the pull's running total.</summary>
    public IProgress<long> ForLayer()
    {
        bytesInLayer = 0;
        return new Progress(this);
    }

    /// <summary>Marks a layer done; its whole size counts as downloaded only if it needed downloading.</summary>
    public void LayerReady(long layerSize)
    {
        if (bytesInLayer > 0)
        {
            bytesBefore += Math.Max(bytesInLayer, layerSize);
            bytesInLayer = 0;
        }
        layersReady++;
        Report($"{layersReady}/{layersTotal} layers ready");
    }

    public void Report(string status) =>
        progress?.Report(new PullProgress(bytesBefore + bytesInLayer, bytesToDownload, layersReady, layersTotal, status));

    private sealed class Progress(PullProgressTracker tracker) : IProgress<long>
    {
        public void Report(long value)
        {
            tracker.bytesInLayer = value;
            tracker.Report("downloading");
        }
    }
}
