using System.Text.Json.Serialization;

namespace Platform.Api.Model;

/// <summary>A port a container listens on (Kubernetes' shape); a hostPort publishes it on the node.</summary>
public sealed class ContainerPort
{
    public string? Name { get; set; }
    // A member may not share its class's name in C#; the JSON name is Kubernetes'.
    [JsonPropertyName("containerPort")]
    public int Number { get; set; }
    public int? HostPort { get; set; }
    public string? HostIP { get; set; }
    public string? Protocol { get; set; }
}

/// <summary>One of a pod's addresses (status.podIPs[]).</summary>
public sealed class PodIP
{
    public string? Ip { get; set; }
}

/// <summary>The port protocols Kubernetes accepts; TCP by default.</summary>
public static class PortProtocols
{
    public const string Tcp = "TCP";
    public static readonly IReadOnlyList<string> All = [Tcp, "UDP", "SCTP"];
}
