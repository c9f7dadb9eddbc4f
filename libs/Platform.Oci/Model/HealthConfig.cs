using System.Text.Json.Serialization;

namespace Platform.Oci.Model;

/// <summary>Docker's HEALTHCHECK in an image config: the test (<c>["NONE"]</c>, <c>["CMD", …]</c> or <c>["CMD-SHELL", cmd]</c>) and durations in nanoseconds.</summary>
public sealed record HealthConfig
{
    [JsonPropertyName("Test")]
    public IReadOnlyList<string>? Test { get; init; }

    [JsonPropertyName("Interval")]
    public long? Interval { get; init; }

    [JsonPropertyName("Timeout")]
    public long? Timeout { get; init; }

    [JsonPropertyName("StartPeriod")]
    public long? StartPeriod { get; init; }

    [JsonPropertyName("StartInterval")]
    public long? StartInterval { get; init; }

    [JsonPropertyName("Retries")]
    public int? Retries { get; init; }
}
