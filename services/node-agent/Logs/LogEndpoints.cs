using System.Globalization;
using Platform.NodeAgent.Pods;

namespace Platform.NodeAgent.Logs;

/// <summary>
/// `GET /pods/{uid}/containers/{name}/log?follow=&amp;tailLines=&amp;timestamps=`: a container's output as
/// plain text, as the kubelet serves it to the API server.
/// </summary>
public static class LogEndpoints
{
    private static readonly TimeSpan FollowPollInterval = TimeSpan.FromMilliseconds(200);

    public static void MapContainerLogs(this IEndpointRouteBuilder app) =>
        app.MapGet("/pods/{uid}/containers/{container}/log", ServeLog);

    private static async Task ServeLog(string uid, string container, HttpContext context, PodStore store, PodSupervisor pods)
    {
        if (!PodStore.IsValidUid(uid) || !pods.IsKnown(uid))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync($"pod {uid} is not on this node\n", context.RequestAborted);
            return;
        }

        var query = context.Request.Query;
        var options = new LogOptions(
            Follow: IsTrue(query["follow"]),
            Timestamps: IsTrue(query["timestamps"]),
            TailLines: int.TryParse(query["tailLines"], NumberStyles.None, CultureInfo.InvariantCulture, out var tail) ? tail : null);
        context.Response.ContentType = "text/plain; charset=utf-8";
        await WriteLogAsync(store.LogPath(uid, container), options, () => pods.IsContainerActive(uid, container), context.Response, context.RequestAborted);
    }

    private static async Task WriteLogAsync(string path, LogOptions options, Func<bool> isActive, HttpResponse response, CancellationToken cancellationToken)
    {
        while (!File.Exists(path))
        {
            if (!options.Follow || !isActive())
            {
                return;
            }

            await Task.Delay(FollowPollInterval, cancellationToken);
        }

        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(file);
        foreach (var line in await ReadTailAsync(reader, options.TailLines, cancellationToken))
        {
            await WriteLineAsync(response, line, options, cancellationToken);
        }

        await response.Body.FlushAsync(cancellationToken);
        while (options.Follow)
        {
            var active = isActive();
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                await WriteLineAsync(response, line, options, cancellationToken);
            }

            await response.Body.FlushAsync(cancellationToken);
            if (!active)
            {
                return;
            }

            await Task.Delay(FollowPollInterval, cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<string>> ReadTailAsync(StreamReader reader, int? tailLines, CancellationToken cancellationToken)
    {
        var lines = new Queue<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lines.Enqueue(line);
            if (tailLines is { } limit && lines.Count > limit)
            {
                lines.Dequeue();
            }
        }

        return lines.ToList();
    }

    private static Task WriteLineAsync(HttpResponse response, string line, LogOptions options, CancellationToken cancellationToken)
    {
        if (CriLogLine.Parse(line) is not { } parsed)
        {
            return Task.CompletedTask;
        }

        var text = options.Timestamps ? $"{parsed.Timestamp} {parsed.Text}\n" : parsed.Text + "\n";
        return response.WriteAsync(text, cancellationToken);
    }

    private static bool IsTrue(string? value) => value is "true" or "1" or "True";

    private sealed record LogOptions(bool Follow, bool Timestamps, int? TailLines);
}
