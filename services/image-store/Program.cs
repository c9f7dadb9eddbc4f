using Platform.ImageStore.Api;
using Platform.ImageStore.Auth;
using Platform.ImageStore.GarbageCollection;
using Platform.ImageStore.Hosting;
using Platform.ImageStore.Storage;

var builder = WebApplication.CreateBuilder(args);
var settings = ImageStoreSettings.From(builder.Configuration);

builder.WebHost.UseUrls(settings.ListenUrl.ToString());
// Layers can be gigabytes and stream to disk: no global body limit. Manifests are bounded where they are read.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
// A line per request would cost more than serving a blob HEAD.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.AddSingleton(settings);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddImageStorage();
builder.Services.AddRegistryApi();
builder.Services.AddSingleton<ReferenceMarker>();
builder.Services.AddSingleton<GarbageCollector>();
builder.Services.AddHostedService<GarbageCollectionService>();

var app = builder.Build();
var token = AdminToken.Load(settings.AdminTokenFile, app.Logger);
app.Services.GetRequiredService<UploadStore>(); // resumes the uploads on disk now, not at the first request
app.UseDistributionApiVersion();
app.UseMiddleware<RegistryAuthentication>(token);
app.MapGet("/healthz", () => Results.Text("ok"));
app.MapRegistryApi();
app.MapAdmin();
app.Run();
