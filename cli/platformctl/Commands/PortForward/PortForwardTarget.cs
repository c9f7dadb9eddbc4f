using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Cli.Resources;

namespace Platform.Cli.Commands.PortForward;

/// <summary>
/// The pod a port-forward goes to: named (NAME or pod/NAME), or picked from a Deployment's pods as kubectl
/// does: a running, ready pod it selects that is not being deleted (the oldest first). Refused when not running.
/// </summary>
internal static class PortForwardTarget
{
    public static async Task<string> ResolveAsync(CliContext context, string text, CancellationToken cancellationToken)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var kind = slash < 0 ? ResourceKinds.Pod : ResourceKinds.Parse(text[..slash]);
        var name = slash < 0 ? text : text[(slash + 1)..];
        if (name.Length == 0)
        {
            throw new CliException($"arguments in resource/name form must have a single resource and name: \"{text}\"");
        }

        if (kind == ResourceKinds.Pod)
        {
            var pod = ApiObjects.As<Pod>(await context.Resources.GetAsync(kind, context.Namespace, name, cancellationToken));
            return pod.Status?.Phase == PodPhases.Running
                ? name
                : throw new CliException($"unable to forward port because pod is not running. Current status={pod.Status?.Phase ?? PodPhases.Pending}");
        }

        if (kind != ResourceKinds.Deployment)
        {
            throw new CliException($"cannot port-forward to {kind.QualifiedName}/{name}: name a pod or a deployment");
        }

        var deployment = await context.Resources.GetAsync(kind, context.Namespace, name, cancellationToken);
        var selector = Selector(deployment) ?? throw new CliException($"deployment.apps/{name} has no selector");
        var pods = await context.Resources.ListAsync(ResourceKinds.Pod, context.Namespace, false, cancellationToken, selector);
        return Pick(ApiObjects.Items(pods).Where(selector.Matches).Select(ApiObjects.As<Pod>))
            ?? throw new CliException($"no running pod of deployment.apps/{name} to forward to");
    }

    /// <summary>A running, ready pod not being deleted, the oldest first (then by name); null when there is none.</summary>
    public static string? Pick(IEnumerable<Pod> pods) => pods
        .Where(p => p.Status?.Phase == PodPhases.Running && p.Metadata.DeletionTimestamp is null)
        .OrderByDescending(p => p.Status?.ContainerStatuses?.All(s => s.Ready) == true)
        .ThenBy(p => p.Metadata.CreationTimestamp)
        .ThenBy(p => p.Metadata.Name, StringComparer.Ordinal)
        .Select(p => p.Metadata.Name)
        .FirstOrDefault();

    private static Resources.LabelSelector? Selector(JsonNode deployment) =>
        deployment["spec"]?["selector"]?["matchLabels"] is JsonObject labels && labels.Count > 0
            ? Resources.LabelSelector.Parse(string.Join(',', labels.Select(pair => $"{pair.Key}={pair.Value}")))
            : null;
}
