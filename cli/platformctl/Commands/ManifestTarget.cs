using System.Text.Json.Nodes;
using Platform.Api.Serialization;
using Platform.Cli.Resources;

namespace Platform.Cli.Commands;

/// <summary>
/// The object a manifest document names: its kind (from apiVersion and kind), namespace (the
/// document's, else the command's; none for cluster-wide kinds) and name.
/// </summary>
internal sealed record ManifestTarget(ResourceKind Kind, string Namespace, string Name)
{
    public static ManifestTarget Of(JsonObject document, string defaultNamespace)
    {
        var (apiVersion, kindName) = ManifestReader.ReadType(document);
        var kind = ResourceKinds.FromManifest(apiVersion, kindName);
        var name = ApiObjects.Name(document)
            ?? throw new CliException($"{kind.Singular}: metadata.name: Required value");
        return new ManifestTarget(kind, ApiObjects.Namespace(document) ?? defaultNamespace, name);
    }

    /// <summary>"pod/hello", "deployment.apps/web": how kubectl reports what it did to the object.</summary>
    public string Display => $"{Kind.QualifiedName}/{Name}";

    /// <summary>"pod \"hello\"", as kubectl delete reports it.</summary>
    public string Quoted => $"{Kind.QualifiedName} \"{Name}\"";
}
