using System.Net;
using Platform.ImageStore.Tests.Infrastructure;

namespace Platform.ImageStore.Tests.Auth;

public sealed class PrivatePullRegistry() : RegistryProcess(new() { ["PLATFORM_IMAGE_STORE_ANONYMOUS_PULL"] = "false" });

public sealed class PrivatePullTests(PrivatePullRegistry registry) : IClassFixture<PrivatePullRegistry>
{
    [Fact]
    public async Task Anonymous_pulls_are_UNAUTHORIZED_when_anonymous_pull_is_off()
    {
        var manifest = await registry.Admin.PushImageAsync("team/app", "v1");

        using var byTag = await registry.Anonymous.GetAsync("/v2/team/app/manifests/v1");
        using var blob = await registry.Anonymous.HeadAsync($"/v2/team/app/manifests/{Content.DigestOf(manifest)}");
        using var tags = await registry.Anonymous.GetAsync("/v2/team/app/tags/list");

        await RegistryCalls.AssertErrorAsync(byTag, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Equal("Basic realm=\"platform\"", byTag.Header("WWW-Authenticate"));
        Assert.Equal(HttpStatusCode.Unauthorized, blob.StatusCode);
        await RegistryCalls.AssertErrorAsync(tags, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Pulls_with_the_token_are_served()
    {
        var manifest = await registry.Admin.PushImageAsync("team/app", "v2");

        Assert.Equal(manifest, await registry.Admin.GetByteArrayAsync("/v2/team/app/manifests/v2"));
    }
}
