using System.Text.Json.Serialization;

namespace Platform.Api.Model;

/// <summary>The Kubernetes Status object: how the API reports a failed request.</summary>
public sealed class Status : TypeMeta
{
    public ListMeta Metadata { get; set; } = new();
    /// <summary>"Success" or "Failure".</summary>
    [JsonPropertyName("status")]
    public string? Outcome { get; set; }
    public string? Message { get; set; }
    public string? Reason { get; set; }
    public StatusDetails? Details { get; set; }
    public int Code { get; set; }
}

public sealed class StatusDetails
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public List<StatusCause>? Causes { get; set; }
}

public sealed class StatusCause
{
    public string? Reason { get; set; }
    public string? Message { get; set; }
    public string? Field { get; set; }
}
