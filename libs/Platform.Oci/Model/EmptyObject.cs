namespace Platform.Oci.Model;

/// <summary>The <c>{}</c> that OCI uses as the value of set-like maps (ExposedPorts, Volumes).</summary>
public sealed record EmptyObject
{
    public static readonly EmptyObject Instance = new();
}
