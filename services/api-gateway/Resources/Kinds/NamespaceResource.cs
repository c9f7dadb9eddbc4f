using Platform.Api.Model;
using Platform.Api.Printing;
using Platform.Api.Validation;
using Platform.ApiGateway.Tables;
using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Resources.Kinds;

public sealed class NamespaceResource() : GrainResourceHandler<Namespace, INamespaceGrain>(GrainKeys.NamespaceIndex)
{
    public override ResourceKind Kind { get; } = new("", "v1", "namespaces", Namespace.KindName, false, ["ns"], ResourceKind.AllVerbs, ["status"]);

    public override TableDefinition Table { get; } = new(
        [
            Columns.Name("namespace"),
            new("Status", "string", "The status of the namespace"),
            Columns.Age,
        ],
        (item, now) => [item.Metadata.Name, ((Namespace)item).Status?.Phase ?? "Active", Age.Since(item.Metadata.CreationTimestamp, now)]);

    protected override void Defaults(Namespace item, string? @namespace)
    {
        item.ApiVersion = "v1";
        item.Kind = Namespace.KindName;
    }

    protected override IReadOnlyList<FieldError> Validate(Namespace item)
    {
        var errors = MetadataValidator.Validate(item.Metadata, namespaced: false).ToList();
        if (item.Metadata.Name is { } name && Names.CheckLabel(name) is { } problem)
        {
            errors.Add(FieldError.Invalid("metadata.name", name, problem));
        }

        return errors;
    }
}
