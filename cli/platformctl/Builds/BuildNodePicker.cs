using System.Text.Json.Nodes;
using Platform.Cli.Client;

namespace Platform.Cli.Builds;

/// <summary>
/// Which node agent runs a build: the one --node-agent names, else the first Ready node the gateway lists
/// (its InternalIP and kubelet port). The agents share the build cache through the image store, so any will do.
/// </summary>
internal static class BuildNodePicker
{
    public static async Task<Uri> PickAsync(ApiClient api, string? explicitAgent, CancellationToken cancellationToken)
    {
        if (explicitAgent is not null)
        {
            return new Uri(explicitAgent.Contains("://", StringComparison.Ordinal) ? explicitAgent : "http://" + explicitAgent);
        }

        var nodes = await api.GetAsync("/api/v1/nodes", cancellationToken);
        foreach (var node in nodes["items"]?.AsArray() ?? [])
        {
            var ready = node?["status"]?["conditions"]?.AsArray().Any(c => (string?)c?["type"] == "Ready" && (string?)c?["status"] == "True") ?? false;
            var port = (int?)node?["status"]?["daemonEndpoints"]?["kubeletEndpoint"]?["Port"] ?? (int?)node?["status"]?["daemonEndpoints"]?["kubeletEndpoint"]?["port"];
            var address = node?["status"]?["addresses"]?.AsArray().Select(a => (string?)a?["address"]).FirstOrDefault(a => a is not null);
            if (ready && port is > 0 && address is not null)
            {
                return new Uri($"http://{address}:{port}");
            }
        }

        throw new CliException("no Ready node can run the build (platformctl get nodes); or name an agent with --node-agent");
    }
}
