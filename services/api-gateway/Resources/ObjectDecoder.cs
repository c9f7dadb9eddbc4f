using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.Api.Validation;
using Platform.ApiGateway.Api;

namespace Platform.ApiGateway.Resources;

/// <summary>Turns a submitted document into an object of the path's kind, with defaults, or the error to answer.</summary>
public static class ObjectDecoder
{
    public sealed record Result(IApiObject? Item, IResult? Error);

    public static Result Decode(ResourceHandler handler, ObjectWriter writer, JsonObject document, string? @namespace, string? pathName)
    {
        var kind = handler.Kind;
        try
        {
            var (apiVersion, documentKind) = ManifestReader.ReadType(document);
            if (documentKind != kind.Kind)
            {
                return Fail(ApiErrors.BadRequest($"the kind in the data ({documentKind}) does not match the expected kind ({kind.Kind})"));
            }

            if (apiVersion != kind.GroupVersion)
            {
                return Fail(ApiErrors.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({kind.GroupVersion})"));
            }

            return Check(kind, writer, writer.Deserialize(document), @namespace, pathName);
        }
        catch (ManifestFormatException e)
        {
            return Fail(ApiErrors.BadRequest(e.Message));
        }
    }

    private static Result Check(ResourceKind kind, ObjectWriter writer, IApiObject item, string? @namespace, string? pathName)
    {
        if (kind.Namespaced && item.Metadata.Namespace is { } given && given != @namespace)
        {
            return Fail(ApiErrors.BadRequest("the namespace of the provided object does not match the namespace sent on the request"));
        }

        if (pathName is not null && item.Metadata.Name != pathName)
        {
            return Fail(ApiErrors.BadRequest("the name of the object does not match the name on the URL"));
        }

        if (kind.Namespaced && Names.CheckLabel(@namespace!) is { } problem)
        {
            return Fail(ApiErrors.Invalid(kind.Kind, item.Metadata.Name, [FieldError.Invalid("metadata.namespace", @namespace, problem)]));
        }

        if (item.Metadata.Name is null && item.Metadata.GenerateName is { Length: > 0 } prefix && pathName is null)
        {
            item.Metadata.Name = Platform.Grains.Workloads.PodNames.Generate(prefix.TrimEnd('-'));
        }

        writer.ApplyDefaults(item, kind.Namespaced ? @namespace : null);
        return new(item, null);
    }

    private static Result Fail(IResult error) => new(null, error);
}
