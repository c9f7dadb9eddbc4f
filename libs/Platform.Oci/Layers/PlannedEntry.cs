namespace Platform.Oci.Layers;

/// <summary>
/// An accepted entry: what to create and where. <see cref="Path"/> is relative to the layer root,
/// normalised, '/'-separated, with no '.' or '..' component; empty means the root itself.
/// </summary>
public sealed record PlannedEntry(LayerEntryKind Kind, string Path, string LinkTarget = "")
{
    public static readonly PlannedEntry Ignored = new(LayerEntryKind.Ignored, "");
}
