using System.Globalization;
using System.Text;
using System.Text.Json;
using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.ApiGateway.Resources;
using Platform.ApiGateway.Tables;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Watching;

namespace Platform.ApiGateway.Watching;

/// <summary>
/// Serves one <c>?watch=1</c> request: a stream of <c>{"type","object"}</c> lines. From a resourceVersion
/// it replays the log's changes after it, then follows live ones; without one it first sends the
/// current objects as ADDED, as Kubernetes does. An expired start gets an ERROR event with 410 Expired.
/// </summary>
public sealed class WatchStream(ResourceHandler handler, IGrainFactory grains, WatchHub hub)
{
    public async Task Serve(HttpContext context, string? @namespace, ListQuery query)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        if (query.Timeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        var cancellationToken = timeout.Token;
        var asTable = TableBuilder.IsRequested(context.Request.Headers.Accept);
        context.Response.ContentType = "application/json";
        using var watcher = hub.Register();
        var log = grains.GetGrain<IChangeLogGrain>(GrainKeys.ChangeLog);
        var selection = new WatchSelection(handler.Kind.Plural, @namespace, query);
        try
        {
            var sent = await SendStart(context, @namespace, query, selection, log, asTable, cancellationToken);
            if (sent is null)
            {
                return;
            }

            await context.Response.Body.FlushAsync(cancellationToken);
            await foreach (var change in watcher.Changes.ReadAllAsync(cancellationToken))
            {
                if (change.Revision > sent && selection.Translate(change) is { } shown)
                {
                    await Write(context, shown.Type, shown.Json, asTable, cancellationToken);
                    sent = change.Revision;
                }
            }

            if (watcher.Expired)
            {
                await WriteExpired(context, sent.Value, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client left, or timeoutSeconds passed: the stream simply ends.
        }
    }

    /// <summary>Sends what happened before the live feed; returns the last revision covered, or null after an ERROR event.</summary>
    private async Task<long?> SendStart(HttpContext context, string? @namespace, ListQuery query, WatchSelection selection, IChangeLogGrain log, bool asTable, CancellationToken cancellationToken)
    {
        if (query.ResourceVersion is null or "0")
        {
            var revision = await log.CurrentRevision();
            var items = (await handler.List(grains, @namespace)).Where(i => ObjectSelection.Matches(query, i)).ToList();
            foreach (var item in items)
            {
                selection.Shown(item.Metadata.Namespace, item.Metadata.Name);
                await Write(context, ChangeTypes.Added, JsonSerializer.Serialize(item, handler.ObjectType, ApiJson.Options), asTable, cancellationToken);
            }

            return revision;
        }

        if (!long.TryParse(query.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            await WriteError(context, 400, "BadRequest", $"invalid resourceVersion \"{query.ResourceVersion}\"", cancellationToken);
            return null;
        }

        var batch = await log.ReadSince(start);
        if (batch.TooOld)
        {
            await WriteExpired(context, start, cancellationToken);
            return null;
        }

        foreach (var change in batch.Changes)
        {
            if (selection.Translate(change) is { } shown)
            {
                await Write(context, shown.Type, shown.Json, asTable, cancellationToken);
            }
        }

        return Math.Max(start, batch.Changes.Count > 0 ? batch.Changes[^1].Revision : start);
    }

    private async Task Write(HttpContext context, string type, string json, bool asTable, CancellationToken cancellationToken)
    {
        var payload = json;
        if (asTable)
        {
            var item = (IApiObject)JsonSerializer.Deserialize(json, handler.ObjectType, ApiJson.Options)!;
            payload = JsonSerializer.Serialize(TableBuilder.Build(handler.Table, [item], item.Metadata.ResourceVersion, includeObject: false), ApiJson.Options);
        }

        var line = $"{{\"type\":\"{type}\",\"object\":{payload}}}\n";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }

    private Task WriteExpired(HttpContext context, long from, CancellationToken cancellationToken) =>
        WriteError(context, 410, "Expired", $"too old resource version: {from}", cancellationToken);

    private static async Task WriteError(HttpContext context, int code, string reason, string message, CancellationToken cancellationToken)
    {
        var status = new Status { ApiVersion = "v1", Kind = "Status", Outcome = "Failure", Code = code, Reason = reason, Message = message };
        var line = $"{{\"type\":\"ERROR\",\"object\":{JsonSerializer.Serialize(status, ApiJson.Options)}}}\n";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken);
    }
}
