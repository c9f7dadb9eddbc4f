using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Api.Validation;
using Platform.ApiGateway.Tables;
using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Resources;

/// <summary>
/// One API kind behind the generic endpoints: how its objects are listed, read, decoded, validated and
/// written, and how they print as table rows. A new kind is one subclass.
/// </summary>
public abstract class ResourceHandler
{
    public abstract ResourceKind Kind { get; }

    public abstract Type ObjectType { get; }

    public abstract TableDefinition Table { get; }

    public abstract Task<IReadOnlyList<IApiObject>> List(IGrainFactory grains, string? @namespace);

    public abstract Task<IApiObject?> Get(IGrainFactory grains, string? @namespace, string name);

    /// <summary>Null when the kind cannot be written through the API (nodes, events).</summary>
    public virtual ObjectWriter? Writer => null;
}

/// <summary>The write side of a kind.</summary>
public abstract class ObjectWriter
{
    /// <summary>Server defaults, applied to what a client sent before validation.</summary>
    public abstract void ApplyDefaults(IApiObject item, string? @namespace);

    public abstract IReadOnlyList<FieldError> ValidateCreate(IApiObject item);

    public abstract Task<WriteResult<IApiObject>> Create(IGrainFactory grains, IApiObject item);

    public abstract Task<WriteResult<IApiObject>> Update(IGrainFactory grains, IApiObject item);

    public abstract Task<WriteResult<IApiObject>> Delete(IGrainFactory grains, string? @namespace, string name, DeletePropagation propagation);

    /// <summary>Reads a client's document as this kind, refusing unknown fields with their path.</summary>
    public abstract IApiObject Deserialize(JsonObject document);
}
