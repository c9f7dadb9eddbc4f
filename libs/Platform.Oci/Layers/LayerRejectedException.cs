namespace Platform.Oci.Layers;

/// <summary>A layer that is refused: hostile or malformed content, or over a limit. Nothing of it is left on disk.</summary>
public sealed class LayerRejectedException(string message, Exception? inner = null) : Exception(message, inner);
