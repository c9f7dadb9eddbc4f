using System.Net;
using Platform.ImageStore.Tests.Infrastructure;

namespace Platform.ImageStore.Tests.Auth;

public sealed class ReadOnlyRegistry() : RegistryProcess(new() { ["PLATFORM_IMAGE_STORE_READ_ONLY"] = "true" });

/// <summary>PLATFORM_IMAGE_STORE_READ_ONLY=true (for a backup or a migration): pulls go on, writes are denied even to the admin.</summary>
public sealed class ReadOnlyTests(ReadOnlyRegistry registry) : IClassFixture<ReadOnlyRegistry>
{
    [Fact]
    public async Task Writes_with_valid_credentials_are_DENIED()
    {
        using var upload = await registry.Admin.PostAsync("/v2/team/app/blobs/uploads/", null);
        using var delete = await registry.Admin.DeleteAsync("/v2/team/app/manifests/v1");

        await RegistryCalls.AssertErrorAsync(upload, HttpStatusCode.Forbidden, "DENIED");
        await RegistryCalls.AssertErrorAsync(delete, HttpStatusCode.Forbidden, "DENIED");
    }

    [Fact]
    public async Task Writes_without_credentials_are_still_UNAUTHORIZED()
    {
        using var upload = await registry.Anonymous.PostAsync("/v2/team/app/blobs/uploads/", null);

        await RegistryCalls.AssertErrorAsync(upload, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Reads_are_served()
    {
        Assert.Equal(HttpStatusCode.OK, (await registry.Admin.GetAsync("/v2/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await registry.Anonymous.GetAsync("/v2/_catalog")).StatusCode);
    }
}
