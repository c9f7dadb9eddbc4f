using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Api.Serialization;

namespace Platform.ApiGateway.Resources;

/// <summary>Applies a list query's label and field selectors to objects or to their JSON.</summary>
public static class ObjectSelection
{
    public static bool Matches(ListQuery query, IApiObject item)
    {
        if (!query.Labels.Matches(item.Metadata.Labels))
        {
            return false;
        }

        return query.Fields.IsEmpty || query.Fields.Matches(JsonSerializer.SerializeToNode(item, item.GetType(), ApiJson.Options));
    }

    public static bool Matches(ListQuery query, JsonNode json)
    {
        if (!query.Labels.IsEmpty)
        {
            var labels = json["metadata"]?["labels"] as JsonObject;
            var map = labels?.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "");
            if (!query.Labels.Matches(map))
            {
                return false;
            }
        }

        return query.Fields.IsEmpty || query.Fields.Matches(json);
    }
}
