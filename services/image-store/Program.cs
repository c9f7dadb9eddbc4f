var builder = WebApplication.CreateBuilder(args);
var listenUrl = builder.Configuration["PLATFORM_IMAGE_STORE_URL"] ?? "http://127.0.0.1:5000";
builder.WebHost.UseUrls(listenUrl);

var app = builder.Build();
app.MapGet("/healthz", () => Results.Text("ok"));

// The API base of the OCI Distribution spec: clients probe it first to learn that this is a registry.
app.MapGet("/v2/", (HttpResponse response) =>
{
    response.Headers["Docker-Distribution-API-Version"] = "registry/2.0";
    return Results.Json(new { });
});

// Blobs, manifests, uploads and tags are not served yet: answer as the spec says for an unknown name.
app.MapFallback((HttpContext context) => Results.Json(
    new { errors = new[] { new { code = "UNSUPPORTED", message = $"{context.Request.Method} {context.Request.Path} is not supported by this registry yet" } } },
    statusCode: StatusCodes.Status405MethodNotAllowed));
app.Run();
