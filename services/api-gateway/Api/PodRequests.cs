using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.Api.Validation;

namespace Platform.ApiGateway.Api;

/// <summary>Turns a submitted document into a defaulted, validated pod for one namespace, or the error to answer.</summary>
public static class PodRequests
{
    public sealed record Result(Pod? Pod, IResult? Error);

    public static Result Decode(JsonObject document, string @namespace, string? pathName)
    {
        try
        {
            var (apiVersion, kind) = ManifestReader.ReadType(document);
            if (kind != Pod.KindName)
            {
                return Fail(ApiErrors.BadRequest($"the kind in the data ({kind}) does not match the expected kind (Pod)"));
            }

            if (apiVersion != "v1")
            {
                return Fail(ApiErrors.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version (v1)"));
            }

            return Check(ManifestReader.Deserialize<Pod>(document), @namespace, pathName);
        }
        catch (ManifestFormatException e)
        {
            return Fail(ApiErrors.BadRequest(e.Message));
        }
    }

    private static Result Check(Pod pod, string @namespace, string? pathName)
    {
        if (pod.Metadata.Namespace is { } given && given != @namespace)
        {
            return Fail(ApiErrors.BadRequest("the namespace of the provided object does not match the namespace sent on the request"));
        }

        if (pathName is not null && pod.Metadata.Name != pathName)
        {
            return Fail(ApiErrors.BadRequest("the name of the object does not match the name on the URL"));
        }

        if (Names.CheckLabel(@namespace) is { } problem)
        {
            return Fail(ApiErrors.Invalid(Pod.KindName, pod.Metadata.Name, [FieldError.Invalid("metadata.namespace", @namespace, problem)]));
        }

        PodDefaults.Apply(pod, @namespace);
        return new(pod, null);
    }

    private static Result Fail(IResult error) => new(null, error);
}
