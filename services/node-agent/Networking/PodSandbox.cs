using System.Text.Json;
using Platform.Api.Model;
using Platform.Api.Serialization;

namespace Platform.NodeAgent.Networking;

/// <summary>
/// A pod's network as set up on this node, recorded on disk (sandbox.json) before anything is created,
/// so a later agent can restore it (names, host ports) or remove it. A pod on the host's network has
/// no namespace, veth or files.
/// </summary>
public sealed record PodSandbox(
    string Uid,
    string Namespace,
    string Name,
    string PodIP,
    string? NetnsPath,
    string? HostVeth,
    string? HostsFile,
    string? ResolvConfFile,
    List<PublishedPort> Ports)
{
    public bool IsHostNetwork => NetnsPath is null;

    private const string FileName = "sandbox.json";

    public static PodSandbox? Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<PodSandbox>(File.ReadAllText(path), ApiJson.Options) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async Task SaveAsync(string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, FileName + ".tmp");
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(this, ApiJson.Options), cancellationToken);
        File.Move(temporary, Path.Combine(directory, FileName), overwrite: true);
    }
}

/// <summary>A host port forwarded to the pod: HostIP:HostPort → pod IP:ContainerPort (TCP).</summary>
public sealed record PublishedPort(string HostIP, int HostPort, int ContainerPort)
{
    public static List<PublishedPort> Of(PodSpec spec) =>
        spec.Containers
            .SelectMany(c => c.Ports ?? [])
            .Where(p => p.HostPort is > 0)
            .Select(p => new PublishedPort(p.HostIP is { Length: > 0 } ip ? ip : HostPortClaim.DefaultHostIP, p.HostPort!.Value, p.Number))
            .ToList();
}
