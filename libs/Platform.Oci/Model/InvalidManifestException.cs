namespace Platform.Oci.Model;

/// <summary>A manifest, index or config that is not valid JSON of the expected shape.</summary>
public sealed class InvalidManifestException(string message, Exception? inner = null) : FormatException(message, inner);
