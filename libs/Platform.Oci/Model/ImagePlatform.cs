using System.Text.Json.Serialization;

namespace Platform.Oci.Model;

/// <summary>The platform an index entry runs on. Values use Go's GOOS/GOARCH names, as OCI specifies.</summary>
public sealed record ImagePlatform
{
    public static readonly ImagePlatform LinuxAmd64 = new() { OperatingSystem = "linux", Architecture = "amd64" };

    [JsonPropertyName("architecture")]
    public required string Architecture { get; init; }

    [JsonPropertyName("os")]
    public required string OperatingSystem { get; init; }

    [JsonPropertyName("os.version")]
    public string? OperatingSystemVersion { get; init; }

    [JsonPropertyName("os.features")]
    public IReadOnlyList<string>? OperatingSystemFeatures { get; init; }

    [JsonPropertyName("variant")]
    public string? Variant { get; init; }

    /// <summary>
    /// Whether an index entry for <paramref name="candidate"/> can run here. A wanted variant must
    /// match; an entry without a variant suits any variant.
    /// </summary>
    public bool Accepts(ImagePlatform? candidate) =>
        candidate is not null
        && candidate.OperatingSystem == OperatingSystem
        && candidate.Architecture == Architecture
        && (Variant is null || candidate.Variant is null || candidate.Variant == Variant);

    public override string ToString() =>
        Variant is null ? $"{OperatingSystem}/{Architecture}" : $"{OperatingSystem}/{Architecture}/{Variant}";
}
