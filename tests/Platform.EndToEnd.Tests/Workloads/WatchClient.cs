using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Platform.EndToEnd.Tests.Workloads;

/// <summary>Reads a watch stream in the background; events are taken in order, each with a timeout.</summary>
public sealed class WatchClient : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Channel<JsonObject> events = Channel.CreateUnbounded<JsonObject>();
    private readonly Task reader;

    private WatchClient(HttpClient http, string path) => reader = ReadAsync(http, path);

    public static WatchClient Open(HttpClient http, string path) => new(http, path);

    /// <summary>The next event, or null when none came within the timeout.</summary>
    public async Task<JsonObject?> NextAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            return await events.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>Takes events until one satisfies the predicate; returns every event taken, that one last.</summary>
    public async Task<List<JsonObject>> UntilAsync(Func<JsonObject, bool> predicate, TimeSpan timeout)
    {
        var taken = new List<JsonObject>();
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var next = await NextAsync(deadline - DateTimeOffset.UtcNow);
            if (next is null)
            {
                break;
            }

            taken.Add(next);
            if (predicate(next))
            {
                return taken;
            }
        }

        throw new TimeoutException($"the awaited watch event did not come; saw {taken.Count} events: {string.Join(" | ", taken.Select(e => e["type"] + " " + e["object"]?["metadata"]?["name"]))}");
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await reader;
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
        {
        }

        stop.Dispose();
    }

    private async Task ReadAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, stop.Token);
            response.EnsureSuccessStatusCode();
            using var stream = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
            while (await stream.ReadLineAsync(stop.Token) is { } line)
            {
                if (line.Length > 0)
                {
                    await events.Writer.WriteAsync(JsonNode.Parse(line)!.AsObject(), stop.Token);
                }
            }
        }
        finally
        {
            events.Writer.TryComplete();
        }
    }
}
