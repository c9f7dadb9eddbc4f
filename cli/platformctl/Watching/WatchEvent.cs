using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Cli.Serialization;

namespace Platform.Cli.Watching;

/// <summary>One line of a Kubernetes watch stream: ADDED, MODIFIED, DELETED with the object, or ERROR with a Status.</summary>
internal sealed record WatchEvent(string Type, JsonNode Object)
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
    public const string Error = "ERROR";

    public bool IsError => Type == Error;

    /// <summary>The Status of an ERROR event (410 Expired when the start is too old).</summary>
    public Status ErrorStatus()
    {
        try
        {
            return Object.Deserialize(CliJsonContext.Default.Status) ?? new Status { Code = 500, Message = "the watch failed" };
        }
        catch (JsonException)
        {
            return new Status { Code = 500, Message = $"the watch failed: {Object.ToJsonString()}" };
        }
    }

    /// <summary>A line of the stream; a line that is not an event is an error naming it.</summary>
    public static WatchEvent Parse(string line)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line);
        }
        catch (JsonException e)
        {
            throw new CliException($"the server sent a watch event that is not JSON: {e.Message}");
        }

        return node?["type"]?.GetValueKind() == JsonValueKind.String && node["object"] is JsonObject value
            ? new WatchEvent(node["type"]!.GetValue<string>(), value.DeepClone())
            : throw new CliException("the server sent a watch event without type and object");
    }
}
