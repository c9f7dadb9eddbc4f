using System.Globalization;
using System.Text.Json;
using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Watching;

namespace Platform.Grains.Watching;

/// <summary>How a grain records a write of its object: the change log numbers it, and the number becomes its resourceVersion.</summary>
public static class ChangeRecorder
{
    public static async Task Record(this IGrainFactory grains, string type, string resource, IApiObject item)
    {
        var json = JsonSerializer.Serialize(item, item.GetType(), ApiJson.Options);
        var revision = await grains.GetGrain<IChangeLogGrain>(GrainKeys.ChangeLog)
            .Record(type, resource, item.Metadata.Namespace, item.Metadata.Name ?? "", json);
        item.Metadata.ResourceVersion = revision.ToString(CultureInfo.InvariantCulture);
    }
}
