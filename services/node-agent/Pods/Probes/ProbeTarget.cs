using System.Globalization;
using Platform.Api.Model;

namespace Platform.NodeAgent.Pods.Probes;

/// <summary>What a probe reaches: the pod's address (127.0.0.1 on the host's network) and the container, by runtime id and ports.</summary>
public sealed record ProbeTarget(string Host, string ContainerId, Container Container)
{
    /// <summary>A port number, or the name of one of the container's ports; null when the name is unknown.</summary>
    public int? Port(IntOrString? port) => port switch
    {
        { IntValue: { } number } => number,
        { StringValue: { } text } when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
        { StringValue: { } name } => Container.Ports?.FirstOrDefault(p => p.Name == name)?.Number,
        _ => null,
    };
}
