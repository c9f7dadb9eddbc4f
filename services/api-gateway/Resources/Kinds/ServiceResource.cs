using Platform.Api.Model;
using Platform.Api.Printing;
using Platform.Api.Validation;
using Platform.ApiGateway.Tables;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Services;

namespace Platform.ApiGateway.Resources.Kinds;

public sealed class ServiceResource() : GrainResourceHandler<Service, IServiceGrain>(GrainKeys.ServiceIndex)
{
    public override ResourceKind Kind { get; } = new("", "v1", "services", Service.KindName, true, ["svc"], ResourceKind.AllVerbs, []);

    public override TableDefinition Table { get; } = new(
        [
            Columns.Name("service"),
            new("Type", "string", "The type of service: ClusterIP."),
            new("Cluster-IP", "string", "The IP address of the service, allocated from the service range."),
            new("External-IP", "string", "External addresses of the service (none: ClusterIP only)."),
            new("Port(s)", "string", "The ports the service exposes."),
            Columns.Age,
            new("Selector", "string", "Route service traffic to pods with label keys and values matching this selector.", 1),
        ],
        (item, now) => Row((Service)item, now));

    protected override void Defaults(Service item, string? @namespace) => ServiceDefaults.Apply(item, @namespace!);

    protected override IReadOnlyList<FieldError> Validate(Service item) => ServiceValidator.ValidateCreate(item);

    public static string Ports(Service s) =>
        s.Spec.Ports is { Count: > 0 } ports ? string.Join(",", ports.Select(p => $"{p.Port}/{p.Protocol ?? PortProtocols.Tcp}")) : "<none>";

    private static object?[] Row(Service s, DateTimeOffset now) =>
    [
        s.Metadata.Name,
        s.Spec.Type ?? ServiceTypes.ClusterIP,
        Columns.OrNone(s.Spec.ClusterIP),
        "<none>",
        Ports(s),
        Age.Since(s.Metadata.CreationTimestamp, now),
        s.Spec.Selector is { Count: > 0 } selector ? string.Join(",", selector.Select(l => $"{l.Key}={l.Value}")) : "<none>",
    ];
}
