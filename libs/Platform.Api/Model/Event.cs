namespace Platform.Api.Model;

/// <summary>core/v1 Event: something that happened to an object (Scheduled, Started, Killing, ScalingReplicaSet, ...).</summary>
public sealed class Event : TypeMeta, IApiObject
{
    public const string KindName = "Event";

    public ObjectMeta Metadata { get; set; } = new();
    public ObjectReference InvolvedObject { get; set; } = new();
    public string? Reason { get; set; }
    public string? Message { get; set; }
    public EventSource? Source { get; set; }
    public DateTimeOffset? FirstTimestamp { get; set; }
    public DateTimeOffset? LastTimestamp { get; set; }
    public int? Count { get; set; }

    /// <summary>Normal or Warning.</summary>
    public string? Type { get; set; }

    public string? ReportingComponent { get; set; }
}

public sealed class ObjectReference
{
    public string? Kind { get; set; }
    public string? Namespace { get; set; }
    public string? Name { get; set; }
    public string? Uid { get; set; }
    public string? ApiVersion { get; set; }
    public string? ResourceVersion { get; set; }
    public string? FieldPath { get; set; }
}

public sealed class EventSource
{
    public string? Component { get; set; }
    public string? Host { get; set; }
}
