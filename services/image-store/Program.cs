using Platform.ImageStore.Api;
using Platform.ImageStore.Auth;
using Platform.ImageStore.BuildCache;
using Platform.ImageStore.GarbageCollection;
using Platform.ImageStore.Hosting;
using Platform.ImageStore.Storage;
using Platform.Observability;

var builder = WebApplication.CreateBuilder(args);
var settings = ImageStoreSettings.From(builder.Configuration);

builder.WebHost.UseUrls(settings.ListenUrl.ToString());
// Layers can be gigabytes and stream to disk: no global body limit. Manifests are bounded where they are read.
// A response buffer larger than the 64 KiB default keeps the socket busy while the next part of a blob is read.
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestBodySize = null;
    kestrel.Limits.MaxResponseBufferSize = 4 * 1024 * 1024;
});
// A line per request would cost more than serving a blob HEAD.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.AddSingleton(settings);
builder.Services.AddPlatformMetrics();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(provider =>
    AdminCredential.Load(settings.AdminTokenFile, provider.GetRequiredService<ILogger<AdminCredential>>()));
builder.Services.AddImageStorage();
builder.Services.AddRegistryApi();
builder.Services.AddSingleton<BuildCacheStore>();
builder.Services.AddSingleton<ReferenceMarker>();
builder.Services.AddSingleton<GarbageCollector>();
builder.Services.AddHostedService<GarbageCollectionService>();

var app = builder.Build();
// Read the token file and resume the uploads on disk now, not at the first request.
app.Services.GetRequiredService<AdminCredential>();
app.Services.GetRequiredService<UploadStore>();
app.UseDistributionApiVersion();
app.UseMiddleware<RegistryAuthentication>();
app.MapGet("/healthz", () => Results.Text("ok"));
app.MapPlatformMetrics();
app.MapRegistryApi();
app.MapAdmin();
app.MapBuildCache();
app.Run();
