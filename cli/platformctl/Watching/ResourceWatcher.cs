using System.Text;
using System.Text.Json.Nodes;
using Platform.Cli.Client;
using Platform.Cli.Resources;

namespace Platform.Cli.Watching;

/// <summary>
/// Follows a watch as kubectl get -w does, and more patiently: a stream that ends or drops is opened
/// again from the last resourceVersion seen, so nothing is missed or repeated; a start the server no
/// longer holds (410 Expired) lists again and hands on the difference as events. Ends only when
/// cancelled (Ctrl-C), on another server error, or when reconnecting keeps failing for a minute.
/// </summary>
internal sealed class ResourceWatcher(ApiClient api, WatchTarget target)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(1);

    public delegate Task EventHandler(WatchEvent change, CancellationToken cancellationToken);

    /// <summary>The current objects and the revision a watch from them starts at.</summary>
    public async Task<(IReadOnlyList<JsonNode> Items, string ResourceVersion)> ListAsync(CancellationToken cancellationToken)
    {
        var list = await api.GetAsync(target.ListPath, cancellationToken);
        return (ApiObjects.Items(list), ApiObjects.ResourceVersion(list) ?? "0");
    }

    public async Task RunAsync(string resourceVersion, WatchedObjects seen, EventHandler onEvent, CancellationToken cancellationToken)
    {
        var retry = FirstRetry;
        DateTimeOffset? failingSince = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                resourceVersion = await FollowAsync(resourceVersion, seen, onEvent, () => (retry, failingSince) = (FirstRetry, null), cancellationToken);
                continue;
            }
            catch (WatchExpiredException)
            {
                resourceVersion = await RelistAsync(seen, onEvent, cancellationToken);
                continue;
            }
            catch (Exception e) when (IsDrop(e) && !cancellationToken.IsCancellationRequested)
            {
                failingSince ??= DateTimeOffset.UtcNow;
                if (DateTimeOffset.UtcNow - failingSince > GiveUpAfter)
                {
                    throw new CliException($"the watch of {target.Kind.Plural} could not be resumed for {GiveUpAfter.TotalSeconds:0}s: {e.Message}");
                }
            }

            await Task.Delay(retry, cancellationToken);
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
        }
    }

    /// <summary>One watch request until its stream ends; returns the last resourceVersion it delivered.</summary>
    private async Task<string> FollowAsync(
        string resourceVersion, WatchedObjects seen, EventHandler onEvent, Action connected, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await api.OpenStreamAsync(target.WatchPath(resourceVersion), cancellationToken);
        }
        catch (ApiException e) when (e.Status.Code == 410)
        {
            throw new WatchExpiredException();
        }

        using (response)
        {
            connected();
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                var change = WatchEvent.Parse(line);
                if (change.IsError)
                {
                    var status = change.ErrorStatus();
                    throw status.Code == 410 ? new WatchExpiredException() : new ApiException(status);
                }

                resourceVersion = ApiObjects.ResourceVersion(change.Object) ?? resourceVersion;
                seen.Record(change);
                await onEvent(change, cancellationToken);
            }
        }

        return resourceVersion;
    }

    private async Task<string> RelistAsync(WatchedObjects seen, EventHandler onEvent, CancellationToken cancellationToken)
    {
        var (items, resourceVersion) = await ListAsync(cancellationToken);
        foreach (var change in seen.Relist(items))
        {
            await onEvent(change, cancellationToken);
        }

        return resourceVersion;
    }

    /// <summary>The stream broke or the server went away for a moment: worth opening again.</summary>
    private static bool IsDrop(Exception e) =>
        e is IOException or HttpRequestException or ServerUnreachableException
        || e is ApiException { Status.Code: >= 500 };

    private sealed class WatchExpiredException : Exception;
}
