using Platform.Build.Cache;
using Platform.Build.Context;
using Platform.Build.Dockerfiles;
using Platform.Oci.References;
using Platform.Oci.Registry;

namespace Platform.NodeAgent.Builds;

/// <summary>
/// <c>POST /builds?t=NAME:TAG[&amp;target=][&amp;nocache=true][&amp;explain=true][&amp;buildarg=K=V…]</c> with the
/// context tar as the body. The answer streams plain-text lines: <c>Step N/M : …</c>, <c> ---> CACHED</c>,
/// RUN output, and last either the image digest (<c>sha256:…</c>) or <c>ERROR: …</c> lines.
/// </summary>
public static partial class BuildEndpoints
{
    public const string ErrorPrefix = "ERROR: ";

    public static void MapBuilds(this WebApplication app) =>
        app.MapPost("/builds", async (HttpContext http, ImageBuilder builder, BuildServices services, NodeAgentSettings settings, ILogger<ImageBuilder> logger) =>
        {
            // A context is streamed to disk, bounded by the reader's own limit rather than Kestrel's 30 MB default.
            if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = BuildContextReader.MaxBytes;
            }

            var query = http.Request.Query;
            if (!ImageReference.TryParse(query["t"].ToString(), out var tag, settings.DefaultRegistry) || tag!.Digest is not null)
            {
                http.Response.StatusCode = 400;
                await http.Response.WriteAsync("ERROR: t must name the image as NAME[:TAG]\n");
                return;
            }

            var buildArgs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in query["buildarg"])
            {
                var equals = pair!.IndexOf('=');
                if (equals > 0)
                {
                    buildArgs[pair[..equals]] = pair[(equals + 1)..];
                }
            }

            var request = new BuildRequest(tag, buildArgs, NullIfEmpty(query["target"]), query["nocache"] == "true", query["explain"] == "true");
            http.Response.ContentType = "text/plain; charset=utf-8";
            var output = new ResponseOutput(http.Response);
            var context = Path.Combine(settings.DataDirectory, "builds", "context-" + Guid.NewGuid().ToString("N"));
            var cancellationToken = http.RequestAborted;
            try
            {
                var dockerfile = await BuildContextReader.ExtractAsync(http.Request.Body, context, cancellationToken);
                var (layers, cache) = services.Open(tag.Registry);
                var digest = await builder.BuildAsync(request, context, dockerfile, layers, cache, output, cancellationToken);
                await output.WriteLineAsync(digest.ToString(), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                // Whatever failed, the client gets one error line at the end, not a cut stream; nothing was tagged.
                var expected = e is BuildFailedException or DockerfileException or InvalidDataException or RegistryException or HttpRequestException;
                if (expected)
                {
                    LogFailed(logger, tag.ToString(), e.Message);
                }
                else
                {
                    LogCrashed(logger, e, tag.ToString());
                }

                await output.WriteLineAsync(ErrorPrefix + e.Message, CancellationToken.None);
                foreach (var line in (e as BuildFailedException)?.LastOutput ?? [])
                {
                    await output.WriteLineAsync($"{ErrorPrefix}  | {line}", CancellationToken.None);
                }
            }
            finally
            {
                if (Directory.Exists(context))
                {
                    Directory.Delete(context, recursive: true);
                }
            }
        });

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [LoggerMessage(LogLevel.Warning, "Build of {Image} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string image, string reason);

    [LoggerMessage(LogLevel.Error, "Build of {Image} failed unexpectedly")]
    private static partial void LogCrashed(ILogger logger, Exception e, string image);

    private sealed class ResponseOutput(HttpResponse response) : IBuildOutput
    {
        private readonly SemaphoreSlim gate = new(1);

        public async Task WriteLineAsync(string line, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(CancellationToken.None);
            try
            {
                await response.WriteAsync(line + "\n", cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
