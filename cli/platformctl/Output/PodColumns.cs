using System.Globalization;
using Platform.Api.Model;

namespace Platform.Cli.Output;

/// <summary>The columns of `get pods`: NAME READY STATUS RESTARTS AGE, and IP NODE with -o wide.</summary>
internal static class PodColumns
{
    public static IReadOnlyList<string> Headers(TableOptions options)
    {
        var headers = new List<string>();
        if (options.WithNamespace)
        {
            headers.Add("NAMESPACE");
        }

        headers.AddRange(["NAME", "READY", "STATUS", "RESTARTS", "AGE"]);
        if (options.Wide)
        {
            headers.AddRange(["IP", "NODE"]);
        }

        return headers;
    }

    public static IReadOnlyList<string> Row(Pod pod, TableOptions options, DateTimeOffset now)
    {
        var row = new List<string>();
        if (options.WithNamespace)
        {
            row.Add(pod.Metadata.Namespace ?? string.Empty);
        }

        row.AddRange([
            pod.Metadata.Name ?? string.Empty,
            Ready(pod),
            PodStatusText.For(pod),
            Restarts(pod, now),
            Age.Since(pod.Metadata.CreationTimestamp, now),
        ]);
        if (options.Wide)
        {
            row.AddRange([TableWriter.OrNone(pod.Status?.PodIP), TableWriter.OrNone(pod.Spec.NodeName)]);
        }

        return row;
    }

    public static string Table(IEnumerable<Pod> pods, TableOptions options, DateTimeOffset now) =>
        TableWriter.Render(Headers(options), pods.Select(pod => Row(pod, options, now)));

    /// <summary>"ready/total": containers reporting ready over the containers the pod declares.</summary>
    public static string Ready(Pod pod)
    {
        var statuses = pod.Status?.ContainerStatuses ?? [];
        var total = Math.Max(pod.Spec.Containers.Count, statuses.Count);
        return string.Create(CultureInfo.InvariantCulture, $"{statuses.Count(s => s.Ready)}/{total}");
    }

    /// <summary>The restart count, with "(AGE ago)" of the last restart when it is known.</summary>
    public static string Restarts(Pod pod, DateTimeOffset now)
    {
        var statuses = pod.Status?.ContainerStatuses ?? [];
        var count = statuses.Sum(s => s.RestartCount).ToString(CultureInfo.InvariantCulture);
        var lastRestart = statuses
            .Where(s => s.RestartCount > 0)
            .Select(s => s.LastState?.Terminated?.FinishedAt)
            .Max();
        return lastRestart is null ? count : $"{count} ({Age.Since(lastRestart, now)} ago)";
    }
}
