using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.Api.Validation;
using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Resources;

/// <summary>A kind stored in grains of type <typeparamref name="TGrain"/>, listed through its resource index.</summary>
public abstract class GrainResourceHandler<T, TGrain>(string index) : ResourceHandler
    where T : class, IApiObject
    where TGrain : IObjectGrain<T>
{
    public override Type ObjectType => typeof(T);

    public override ObjectWriter? Writer => new GrainWriter(this);

    public override async Task<IReadOnlyList<IApiObject>> List(IGrainFactory grains, string? @namespace)
    {
        var prefix = Kind.Namespaced && @namespace is not null ? $"{@namespace}/" : null;
        var keys = await grains.GetGrain<IResourceIndexGrain>(index).List(prefix);
        var items = await Task.WhenAll(keys.Select(k => grains.GetGrain<TGrain>(k).Get()));
        return items.OfType<T>().ToList();
    }

    public override async Task<IApiObject?> Get(IGrainFactory grains, string? @namespace, string name) =>
        await Grain(grains, @namespace, name).Get();

    protected abstract void Defaults(T item, string? @namespace);

    protected abstract IReadOnlyList<FieldError> Validate(T item);

    private TGrain Grain(IGrainFactory grains, string? @namespace, string name) =>
        grains.GetGrain<TGrain>(Kind.Namespaced ? GrainKeys.Namespaced(@namespace!, name) : name);

    private sealed class GrainWriter(GrainResourceHandler<T, TGrain> handler) : ObjectWriter
    {
        public override void ApplyDefaults(IApiObject item, string? @namespace) => handler.Defaults((T)item, @namespace);

        public override IReadOnlyList<FieldError> ValidateCreate(IApiObject item) => handler.Validate((T)item);

        public override async Task<WriteResult<IApiObject>> Create(IGrainFactory grains, IApiObject item) =>
            Widen(await handler.Grain(grains, item.Metadata.Namespace, item.Metadata.Name!).Create((T)item));

        public override async Task<WriteResult<IApiObject>> Update(IGrainFactory grains, IApiObject item) =>
            Widen(await handler.Grain(grains, item.Metadata.Namespace, item.Metadata.Name!).Update((T)item));

        public override async Task<WriteResult<IApiObject>> Delete(IGrainFactory grains, string? @namespace, string name, DeletePropagation propagation) =>
            Widen(await handler.Grain(grains, @namespace, name).Delete(propagation));

        public override IApiObject Deserialize(JsonObject document) => ManifestReader.Deserialize<T>(document);

        private static WriteResult<IApiObject> Widen(WriteResult<T> result) =>
            new(result.Outcome, result.Object, result.Errors, result.Message);
    }
}
