using Platform.Api.Model;
using Platform.Grains.Abstractions;

namespace Platform.Grains.Eventing;

/// <summary>How grains report what happened to an object, as Kubernetes events that <c>describe</c> shows.</summary>
public static class EventRecorder
{
    public const string Normal = "Normal";
    public const string Warning = "Warning";

    public static Task RecordEvent(this IGrainFactory grains, IApiObject subject, string type, string reason, string message, string component)
    {
        var now = DateTimeOffset.UtcNow;
        var item = new Event
        {
            ApiVersion = "v1",
            Kind = Event.KindName,
            Metadata = new ObjectMeta { Namespace = subject.Metadata.Namespace ?? "default" },
            InvolvedObject = new ObjectReference
            {
                Kind = subject.Kind,
                ApiVersion = subject.ApiVersion,
                Namespace = subject.Metadata.Namespace,
                Name = subject.Metadata.Name,
                Uid = subject.Metadata.Uid,
            },
            Type = type,
            Reason = reason,
            Message = message,
            Source = new EventSource { Component = component },
            ReportingComponent = component,
            FirstTimestamp = now,
            LastTimestamp = now,
            Count = 1,
        };
        return grains.GetGrain<IEventLogGrain>(item.Metadata.Namespace).Record(item);
    }
}
