using System.Globalization;
using System.Text.Json;
using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.ApiGateway.Api;
using Platform.ApiGateway.Tables;
using Platform.ApiGateway.Watching;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Watching;

namespace Platform.ApiGateway.Resources;

/// <summary>The verbs every kind shares — list, watch, get, create, replace, patch, delete — over its handler.</summary>
public sealed class ResourceRequests(ResourceHandler handler, IGrainFactory grains, WatchHub hub)
{
    private ResourceKind Kind => handler.Kind;

    public async Task ListOrWatch(HttpContext context, string? @namespace)
    {
        var (query, error) = ListQuery.From(context.Request.Query);
        if (error is not null)
        {
            await error.ExecuteAsync(context);
            return;
        }

        if (query!.Watch)
        {
            await new WatchStream(handler, grains, hub).Serve(context, @namespace, query);
            return;
        }

        var revision = await grains.GetGrain<IChangeLogGrain>(GrainKeys.ChangeLog).CurrentRevision();
        var items = (await handler.List(grains, @namespace)).Where(i => ObjectSelection.Matches(query, i)).ToList();
        var version = revision.ToString(CultureInfo.InvariantCulture);
        await Respond(context, items, version).ExecuteAsync(context);
    }

    public async Task<IResult> Get(HttpContext context, string? @namespace, string name)
    {
        var item = await handler.Get(grains, @namespace, name);
        if (item is null)
        {
            return ApiErrors.NotFound(Kind.QualifiedName, name);
        }

        return TableBuilder.IsRequested(context.Request.Headers.Accept)
            ? Results.Json(TableBuilder.Build(handler.Table, [item], item.Metadata.ResourceVersion, IncludeObject(context)), ApiJson.Options)
            : Results.Json<object>(item, ApiJson.Options);
    }

    public async Task<IResult> Create(HttpRequest request, string? @namespace)
    {
        if (WriterFor("create") is not { } writer)
        {
            return MethodNotAllowed("create");
        }

        var body = await ManifestBody.ReadAsync(request, request.HttpContext.RequestAborted);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var decoded = ObjectDecoder.Decode(handler, writer, body.Object!, @namespace, pathName: null);
        if (decoded.Error is not null)
        {
            return decoded.Error;
        }

        var item = decoded.Item!;
        var errors = writer.ValidateCreate(item);
        if (errors.Count > 0)
        {
            return ApiErrors.Invalid(Kind.Kind, item.Metadata.Name, errors);
        }

        if (Kind.Namespaced && await NamespaceGuard.CheckWritable(grains, @namespace!) is { } refused)
        {
            return refused;
        }

        return ToResponse(await writer.Create(grains, item), item.Metadata.Name!);
    }

    public async Task<IResult> Replace(HttpRequest request, string? @namespace, string name)
    {
        if (WriterFor("update") is not { } writer)
        {
            return MethodNotAllowed("update");
        }

        var body = await ManifestBody.ReadAsync(request, request.HttpContext.RequestAborted);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var decoded = ObjectDecoder.Decode(handler, writer, body.Object!, @namespace, name);
        return decoded.Error ?? await Update(writer, decoded.Item!);
    }

    public async Task<IResult> Patch(HttpRequest request, string? @namespace, string name)
    {
        if (WriterFor("patch") is not { } writer)
        {
            return MethodNotAllowed("patch");
        }

        var patch = await PatchBody.ReadAsync(request, request.HttpContext.RequestAborted);
        if (patch.Error is not null)
        {
            return patch.Error;
        }

        // A patch applies to the newest object; losing a race to another writer just means trying again.
        for (var attempt = 0; ; attempt++)
        {
            var current = await handler.Get(grains, @namespace, name);
            if (current is null)
            {
                return ApiErrors.NotFound(Kind.QualifiedName, name);
            }

            System.Text.Json.Nodes.JsonNode? patched;
            try
            {
                patched = patch.Apply(JsonSerializer.SerializeToNode(current, handler.ObjectType, ApiJson.Options)!);
            }
            catch (Platform.Api.Patching.PatchException e)
            {
                return ApiErrors.Failure(422, "Invalid", $"the patch cannot be applied to {Kind.QualifiedName} \"{name}\": {e.Message}");
            }

            if (patched is not System.Text.Json.Nodes.JsonObject document)
            {
                return ApiErrors.BadRequest("the patch must leave an object");
            }

            var decoded = ObjectDecoder.Decode(handler, writer, document, @namespace, name);
            if (decoded.Error is not null)
            {
                return decoded.Error;
            }

            var errors = writer.ValidateCreate(decoded.Item!);
            if (errors.Count > 0)
            {
                return ApiErrors.Invalid(Kind.Kind, name, errors);
            }

            var result = await writer.Update(grains, decoded.Item!);
            if (result.Outcome != WriteOutcome.Conflict || attempt >= 4 || patch.SetsResourceVersion)
            {
                return ToResponse(result, name);
            }
        }
    }

    public async Task<IResult> Delete(HttpRequest request, string? @namespace, string name)
    {
        if (WriterFor("delete") is not { } writer)
        {
            return MethodNotAllowed("delete");
        }

        var options = await DeleteOptionsReader.ReadAsync(request, request.HttpContext.RequestAborted);
        return options.Error ?? ToResponse(await writer.Delete(grains, @namespace, name, options.Propagation), name);
    }

    /// <summary>An update must leave a valid object, checked as on create, before the grain applies its own rules (immutable fields).</summary>
    public async Task<IResult> Update(ObjectWriter writer, IApiObject item)
    {
        var errors = writer.ValidateCreate(item);
        return errors.Count > 0
            ? ApiErrors.Invalid(Kind.Kind, item.Metadata.Name, errors)
            : ToResponse(await writer.Update(grains, item), item.Metadata.Name!);
    }

    private IResult Respond(HttpContext context, IReadOnlyList<IApiObject> items, string version)
    {
        if (TableBuilder.IsRequested(context.Request.Headers.Accept))
        {
            return Results.Json(TableBuilder.Build(handler.Table, items, version, IncludeObject(context)), ApiJson.Options);
        }

        var list = new Dictionary<string, object?>
        {
            ["apiVersion"] = Kind.GroupVersion,
            ["kind"] = Kind.ListKind,
            ["metadata"] = new ListMeta { ResourceVersion = version },
            ["items"] = items.Select(i => JsonSerializer.SerializeToNode(i, handler.ObjectType, ApiJson.Options)).ToList(),
        };
        return Results.Json(list, ApiJson.Options);
    }

    private static bool IncludeObject(HttpContext context) => context.Request.Query["includeObject"] == "Object";

    private IResult ToResponse(WriteResult<IApiObject> result, string name) => result.Outcome switch
    {
        WriteOutcome.Created => Results.Json<object?>(result.Object, ApiJson.Options, statusCode: StatusCodes.Status201Created),
        WriteOutcome.Updated or WriteOutcome.Unchanged or WriteOutcome.Deleted => Results.Json<object?>(result.Object, ApiJson.Options),
        WriteOutcome.Deleting => Results.Json<object?>(result.Object, ApiJson.Options, statusCode: StatusCodes.Status202Accepted),
        WriteOutcome.NotFound => ApiErrors.NotFound(Kind.QualifiedName, name),
        WriteOutcome.AlreadyExists => ApiErrors.AlreadyExists(Kind.QualifiedName, name),
        WriteOutcome.Conflict => ApiErrors.Conflict(result.Message ?? "conflict"),
        WriteOutcome.Invalid when result.Errors is { Count: > 0 } errors => ApiErrors.Invalid(Kind.Kind, name, errors),
        WriteOutcome.Invalid => ApiErrors.Failure(403, "Forbidden", result.Message ?? $"{Kind.QualifiedName} \"{name}\" is forbidden"),
        _ => ApiErrors.Failure(500, "InternalError", $"unexpected outcome {result.Outcome}"),
    };

    /// <summary>The kind's writer, when the kind allows <paramref name="verb"/> (nodes are updated and patched, never created).</summary>
    private ObjectWriter? WriterFor(string verb) => Kind.Verbs.Contains(verb) ? handler.Writer : null;

    private IResult MethodNotAllowed(string verb) =>
        ApiErrors.Failure(405, "MethodNotAllowed", $"{Kind.QualifiedName} cannot be changed with {verb} through the API");
}
