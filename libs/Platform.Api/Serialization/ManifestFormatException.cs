namespace Platform.Api.Serialization;

/// <summary>A manifest that is not well-formed JSON or YAML, or not an object of a known shape.</summary>
public sealed class ManifestFormatException(string message) : Exception(message);
