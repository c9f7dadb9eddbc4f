using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Api;

/// <summary>
/// `GET .../pods/{name}/log`: finds the pod's node and streams the container log from that node's
/// agent, as the Kubernetes API server proxies to the kubelet.
/// </summary>
public static class LogEndpoints
{
    public const string AgentClient = "node-agent";

    public static void MapPodLogs(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/namespaces/{ns}/pods/{name}/log", StreamLog);

    private static async Task StreamLog(string ns, string name, HttpContext context, IGrainFactory grains, IHttpClientFactory clients)
    {
        var cancellationToken = context.RequestAborted;
        var pod = await grains.GetGrain<IPodGrain>(GrainKeys.Pod(ns, name)).Get();
        if (pod is null)
        {
            await ApiErrors.NotFound("pods", name).ExecuteAsync(context);
            return;
        }

        var containers = pod.Spec.Containers.Select(c => c.Name!).ToList();
        var container = context.Request.Query["container"].ToString();
        if (string.IsNullOrEmpty(container) && containers.Count == 1)
        {
            container = containers[0];
        }

        if (!containers.Contains(container))
        {
            var message = string.IsNullOrEmpty(container)
                ? $"a container name must be specified for pod {name}, choose one of: [{string.Join(" ", containers)}]"
                : $"container {container} is not valid for pod {name}";
            await ApiErrors.BadRequest(message).ExecuteAsync(context);
            return;
        }

        var node = pod.Spec.NodeName is { } nodeName ? await grains.GetGrain<INodeGrain>(nodeName).GetSnapshot() : null;
        if (node is null)
        {
            await ApiErrors.BadRequest($"container \"{container}\" in pod \"{name}\" is waiting to start: the pod has no node yet").ExecuteAsync(context);
            return;
        }

        var query = context.Request.QueryString.Value ?? string.Empty;
        var url = $"{node.AgentEndpoint.TrimEnd('/')}/pods/{pod.Metadata.Uid}/containers/{Uri.EscapeDataString(container)}/log{query}";
        await ProxyAsync(clients.CreateClient(AgentClient), url, context, cancellationToken);
    }

    private static async Task ProxyAsync(HttpClient client, string url, HttpContext context, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            await ApiErrors.Unavailable($"the node agent at {new Uri(url).GetLeftPart(UriPartial.Authority)} did not answer: {e.Message}").ExecuteAsync(context);
            return;
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "text/plain; charset=utf-8";
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            await stream.CopyToAsync(context.Response.Body, cancellationToken);
        }
    }
}
