using Platform.ImageStore.Distribution;
using Platform.ImageStore.Hosting;

namespace Platform.ImageStore.Auth;

/// <summary>
/// Who may do what: pushes, deletes and admin calls need the admin token; pulls are anonymous
/// unless configured otherwise. The API base `/v2/` asks for credentials whenever none valid were
/// sent, even when pulls are anonymous, because clients (containers/image, docker) learn whether and
/// how to authenticate only from that first probe: answering it 200 would make them push without
/// the credentials they hold. Anonymous pullers then simply continue without credentials.
/// </summary>
public sealed partial class RegistryAuthentication(RequestDelegate next, AdminCredential admin, ImageStoreSettings settings, ILogger<RegistryAuthentication> logger)
{
    private const string Challenge = "Basic realm=\"platform\"";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/healthz"))
        {
            await next(context);
            return;
        }

        var reads = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        var needsCredential = IsApiBase(request.Path) || !reads || !settings.AnonymousPull;
        if (needsCredential && !admin.IsPresentedBy(request))
        {
            LogRefused(logger, request.Method, request.Path);
            context.Response.Headers.WWWAuthenticate = Challenge;
            await RegistryError.Unauthorized().ToResult().ExecuteAsync(context);
            return;
        }

        if (!reads && settings.ReadOnly && request.Path.StartsWithSegments("/v2"))
        {
            await RegistryError.ReadOnly().ToResult().ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static bool IsApiBase(PathString path) => path.Value is "/v2" or "/v2/";

    [LoggerMessage(LogLevel.Debug, "Refused {Method} {Path}: no valid credential")]
    private static partial void LogRefused(ILogger logger, string method, string? path);
}
