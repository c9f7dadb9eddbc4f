using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.Api.Validation;
using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Resources.Kinds;

/// <summary>
/// Nodes exist by their agents' registration; users update them (cordon, labels, taints: what kubectl cordon,
/// label and taint send). Create and delete are not among the kind's verbs.
/// </summary>
public sealed class NodeWriter : ObjectWriter
{
    private static readonly string[] Effects = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

    public override void ApplyDefaults(IApiObject item, string? @namespace)
    {
    }

    public override IReadOnlyList<FieldError> ValidateCreate(IApiObject item)
    {
        var taints = ((Node)item).Spec?.Taints ?? [];
        return taints.SelectMany((taint, i) => ValidateTaint(taint, $"spec.taints[{i}]")).ToList();
    }

    public override Task<WriteResult<IApiObject>> Create(IGrainFactory grains, IApiObject item) =>
        throw new NotSupportedException("nodes are registered by their agents");

    public override async Task<WriteResult<IApiObject>> Update(IGrainFactory grains, IApiObject item)
    {
        var result = await grains.GetGrain<INodeGrain>(item.Metadata.Name!).Update((Node)item);
        return new(result.Outcome, result.Object, result.Errors, result.Message);
    }

    public override Task<WriteResult<IApiObject>> Delete(IGrainFactory grains, string? @namespace, string name, DeletePropagation propagation) =>
        throw new NotSupportedException("nodes are registered by their agents");

    public override IApiObject Deserialize(JsonObject document) => ManifestReader.Deserialize<Node>(document);

    private static IEnumerable<FieldError> ValidateTaint(Taint taint, string path)
    {
        if (string.IsNullOrEmpty(taint.Key))
        {
            yield return FieldError.Required($"{path}.key");
        }

        if (!Effects.Contains(taint.Effect))
        {
            yield return new FieldError($"{path}.effect", "FieldValueNotSupported", $"Unsupported value: \"{taint.Effect}\": supported values: \"{string.Join("\", \"", Effects)}\"");
        }
    }
}
