namespace Platform.Oci.References;

/// <summary>An image reference that the Docker reference grammar does not allow; the message says which rule it broke.</summary>
public sealed class InvalidReferenceException(string reference, string reason)
    : FormatException($"invalid image reference '{reference}': {reason}")
{
    public string Reference { get; } = reference;

    public string Reason { get; } = reason;
}
