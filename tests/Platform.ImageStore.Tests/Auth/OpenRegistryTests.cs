using System.Net;
using Platform.ImageStore.Tests.Infrastructure;

namespace Platform.ImageStore.Tests.Auth;

public sealed class OpenRegistry() : RegistryProcess(withToken: false);

/// <summary>Without PLATFORM_ADMIN_TOKEN_FILE the registry warns and lets everyone in.</summary>
public sealed class OpenRegistryTests(OpenRegistry registry) : IClassFixture<OpenRegistry>
{
    [Fact]
    public async Task Everything_is_allowed_without_credentials()
    {
        await registry.Anonymous.PushImageAsync("team/app", "v1");

        Assert.Equal(HttpStatusCode.OK, (await registry.Anonymous.GetAsync("/v2/")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await registry.Anonymous.DeleteAsync("/v2/team/app/manifests/v1")).StatusCode);
    }

    [Fact]
    public async Task The_open_registry_says_so_in_its_log()
    {
        const string warning = "No admin token file configured";
        var log = "";
        // The console logger and the test's output pump both write asynchronously.
        for (var attempt = 0; attempt < 50 && !log.Contains(warning, StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
            log = await File.ReadAllTextAsync(Path.Combine(registry.Home, "image-store.log"));
        }

        Assert.Contains(warning, log, StringComparison.Ordinal);
    }
}
