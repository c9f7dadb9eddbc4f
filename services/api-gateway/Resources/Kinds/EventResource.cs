using Platform.Api.Model;
using Platform.Api.Printing;
using Platform.ApiGateway.Tables;
using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Resources.Kinds;

/// <summary>Events are written by the control plane's grains and read here.</summary>
public sealed class EventResource : ResourceHandler
{
    public override ResourceKind Kind { get; } = new("", "v1", "events", Event.KindName, true, ["ev"], ["get", "list"], []);

    public override Type ObjectType => typeof(Event);

    public override TableDefinition Table { get; } = new(
        [
            new("Last Seen", "string", "The last time this event was seen."),
            new("Type", "string", "Normal or Warning."),
            new("Reason", "string", "Why the event happened."),
            new("Object", "string", "The object the event is about."),
            new("Message", "string", "What happened."),
        ],
        (item, now) => Row((Event)item, now));

    public override async Task<IReadOnlyList<IApiObject>> List(IGrainFactory grains, string? @namespace)
    {
        var namespaces = @namespace is not null
            ? [@namespace]
            : await grains.GetGrain<IResourceIndexGrain>(GrainKeys.NamespaceIndex).List(null);
        var lists = await Task.WhenAll(namespaces.Select(ns => grains.GetGrain<IEventLogGrain>(ns).List()));
        return lists.SelectMany(l => l).OrderBy(e => e.LastTimestamp).ToList<IApiObject>();
    }

    public override async Task<IApiObject?> Get(IGrainFactory grains, string? @namespace, string name) =>
        (await grains.GetGrain<IEventLogGrain>(@namespace!).List()).FirstOrDefault(e => e.Metadata.Name == name);

    private static object?[] Row(Event e, DateTimeOffset now) =>
    [
        Age.Since(e.LastTimestamp, now),
        e.Type,
        e.Reason,
        $"{e.InvolvedObject.Kind?.ToLowerInvariant()}/{e.InvolvedObject.Name}",
        e.Message,
    ];
}
