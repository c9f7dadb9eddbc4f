namespace Platform.Contracts;

/// <summary>
/// What a node needs to route to one Service: its cluster IP (null for a headless service), its ports
/// each with the ready endpoints behind it, and every ready pod address (what a headless name resolves to).
/// <see cref="Revision"/> is the newer of the Service's and its Endpoints' resourceVersions (the cluster's
/// change-log revisions, totally ordered across objects).
/// </summary>
public sealed record ServiceRouting(
    string Namespace,
    string Name,
    long Revision,
    string? ClusterIP,
    IReadOnlyList<ServiceRoutingPort> Ports,
    IReadOnlyList<string> ReadyAddresses);

/// <summary>One port of a Service (TCP) and the ready endpoints behind it, with the pod port each listens on.</summary>
public sealed record ServiceRoutingPort(string? Name, int Port, string Protocol, IReadOnlyList<ServiceBackend> Backends);

/// <summary>A ready endpoint: the pod's address and port, and the node it runs on (a proxy prefers its own node's).</summary>
public sealed record ServiceBackend(string Ip, int Port, string? NodeName, string? Pod);

/// <summary>
/// A Service or its Endpoints changed (<see cref="Routing"/> null: the Service was deleted at <see cref="Revision"/>).
/// Published by the api-gateway (<c>ServiceRoutingInformer</c>) after it applies the change; consumed by every node
/// agent from its own queue <see cref="QueueNames.NodeServices"/>. Idempotent: a node keeps the newest revision per
/// service and ignores an older one.
/// </summary>
public sealed record ServiceRoutingChanged(string Namespace, string Name, long Revision, ServiceRouting? Routing);

/// <summary>
/// A node agent asks for every Service (at start, until answered). Sent by node agents to
/// <see cref="QueueNames.GatewayServiceRouting"/>; consumed by one api-gateway, which answers with a
/// <see cref="ServiceRoutingSnapshot"/> sent to the node's services queue.
/// </summary>
public sealed record ServiceRoutingRequested(string NodeName, Guid RequestId, DateTimeOffset RequestedAt);

/// <summary>
/// Every Service as of <see cref="Revision"/>. Sent to one node in answer to <see cref="ServiceRoutingRequested"/>
/// (<see cref="RequestId"/> set), or published to every node after the gateway listed afresh (its start, or a
/// watch that fell behind). A node replaces what it holds, keeping only what is newer than <see cref="Revision"/>.
/// </summary>
public sealed record ServiceRoutingSnapshot(long Revision, Guid? RequestId, IReadOnlyList<ServiceRouting> Services, DateTimeOffset TakenAt);
