using System.Reflection;

namespace Platform.ApiGateway.Api;

/// <summary>Health and version, open to anonymous callers as on a Kubernetes API server.</summary>
public static class ServerEndpoints
{
    public static void MapServerInfo(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", () => Results.Text("ok"));
        app.MapGet("/livez", () => Results.Text("ok"));
        app.MapGet("/version", () => Results.Json(new
        {
            major = "1",
            minor = "32",
            gitVersion = "v1.32.0-platform." + Version,
            platform = "linux/amd64",
            goVersion = Environment.Version.ToString(),
            compiler = ".NET",
        }));
    }

    private static string Version =>
        typeof(ServerEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
