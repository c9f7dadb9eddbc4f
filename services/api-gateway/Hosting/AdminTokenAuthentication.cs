using System.Security.Cryptography;
using System.Text;
using Platform.ApiGateway.Api;

namespace Platform.ApiGateway.Hosting;

/// <summary>
/// Every API call but health and version needs the admin bearer token that `./platform up` wrote.
/// Without a token file configured the API is open, and the gateway says so at start.
/// </summary>
public sealed partial class AdminTokenAuthentication(RequestDelegate next, byte[]? token)
{
    private static readonly string[] AnonymousPaths = ["/healthz", "/readyz", "/livez", "/version"];

    public static byte[]? LoadToken(string? path, ILogger logger)
    {
        if (path is null)
        {
            LogOpen(logger);
            return null;
        }

        return Encoding.UTF8.GetBytes(File.ReadAllText(path).Trim());
    }

    public async Task InvokeAsync(HttpContext context)
    {
        // The ingress (/apps/...) carries the workloads' own traffic, which is not the API's to authenticate.
        if (token is null || AnonymousPaths.Contains(context.Request.Path.Value) || context.Request.Path.StartsWithSegments("/apps") || HasToken(context.Request))
        {
            await next(context);
            return;
        }

        await ApiErrors.Unauthorized().ExecuteAsync(context);
    }

    private bool HasToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), token);
    }

    [LoggerMessage(LogLevel.Warning, "No admin token file configured (PLATFORM_ADMIN_TOKEN_FILE): the API accepts anonymous requests")]
    private static partial void LogOpen(ILogger logger);
}
