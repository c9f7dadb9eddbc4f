using System.Text.Json;
using Platform.Api.Model;
using Platform.Api.Serialization;

namespace Platform.NodeAgent.Pods;

internal static class PodStatusCopy
{
    /// <summary>A deep copy, so a report in flight never changes under the publisher.</summary>
    public static PodStatus Of(PodStatus status) =>
        JsonSerializer.Deserialize<PodStatus>(JsonSerializer.SerializeToUtf8Bytes(status, ApiJson.Options), ApiJson.Options)!;
}
