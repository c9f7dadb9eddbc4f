using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Cli.Config;

namespace Platform.Cli.Client;

/// <summary>
/// Talks to the Platform API. Answers are JSON trees (so -o json/yaml show every field the server
/// sent); a failed request throws ApiException with the server's Status, an unreachable server CliException.
/// </summary>
internal sealed class ApiClient(HttpClient http, string serverDisplay) : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static ApiClient Create(CliConfig config, HttpMessageHandler handler)
    {
        var http = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = config.Server,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (config.Token is { } token)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return new ApiClient(http, config.ServerDisplay);
    }

    public Task<JsonNode> GetAsync(string path, CancellationToken cancellationToken) =>
        SendForJsonAsync(HttpMethod.Get, path, null, cancellationToken);

    /// <summary>GET that answers null instead of throwing when the object does not exist.</summary>
    public async Task<JsonNode?> FindAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(path, cancellationToken);
        }
        catch (ApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    public Task<JsonNode> PostAsync(string path, JsonNode body, CancellationToken cancellationToken) =>
        SendForJsonAsync(HttpMethod.Post, path, body, cancellationToken);

    public Task<JsonNode> PutAsync(string path, JsonNode body, CancellationToken cancellationToken) =>
        SendForJsonAsync(HttpMethod.Put, path, body, cancellationToken);

    public Task<JsonNode> DeleteAsync(string path, CancellationToken cancellationToken) =>
        SendForJsonAsync(HttpMethod.Delete, path, null, cancellationToken);

    /// <summary>PATCH with the patch's media type (merge-patch, strategic-merge-patch or json-patch, each +json).</summary>
    public Task<JsonNode> PatchAsync(string path, JsonNode patch, string contentType, CancellationToken cancellationToken) =>
        SendForJsonAsync(HttpMethod.Patch, path, patch, cancellationToken, contentType);

    /// <summary>Opens a streaming response (logs); no overall timeout, only the caller's cancellation.</summary>
    public async Task<HttpResponseMessage> OpenStreamAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await ThrowIfFailedAsync(response, cancellationToken);
        return response;
    }

    public void Dispose() => http.Dispose();

    private async Task<JsonNode> SendForJsonAsync(
        HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken, string contentType = "application/json")
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            using var request = new HttpRequestMessage(method, path) { Content = ToContent(body, contentType) };
            using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            await ThrowIfFailedAsync(response, timeout.Token);
            return await ReadJsonAsync(response, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw TransportFailure.TimedOut(serverDisplay, RequestTimeout);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, completion, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw TransportFailure.Describe(e, serverDisplay);
        }
    }

    private static StringContent? ToContent(JsonNode? body, string contentType)
    {
        if (body is null)
        {
            return null;
        }

        var content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8);
        // A patch type must go without "; charset": the API matches the media type exactly, as Kubernetes' does.
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    private static async Task ThrowIfFailedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var status = await StatusReader.ReadAsync(response, cancellationToken);
            response.Dispose();
            throw new ApiException(status);
        }
    }

    private static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return JsonNode.Parse(text) ?? throw new JsonException("empty body");
        }
        catch (JsonException)
        {
            var code = (int)response.StatusCode;
            throw new CliException($"the server answered HTTP {code} with a body that is not JSON");
        }
    }
}
