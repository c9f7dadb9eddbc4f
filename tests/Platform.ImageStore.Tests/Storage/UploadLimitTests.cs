using System.Net;
using Platform.ImageStore.Tests.Infrastructure;

namespace Platform.ImageStore.Tests.Storage;

public sealed class TwoUploadRegistry() : RegistryProcess(new() { ["PLATFORM_IMAGE_STORE_MAX_UPLOADS"] = "2" });

/// <summary>Each open upload holds a file and a hash state: past PLATFORM_IMAGE_STORE_MAX_UPLOADS the registry answers 429.</summary>
public sealed class UploadLimitTests(TwoUploadRegistry registry) : IClassFixture<TwoUploadRegistry>
{
    [Fact]
    public async Task Uploads_past_the_limit_are_TOOMANYREQUESTS_until_one_closes()
    {
        using var first = await registry.Admin.PostAsync("/v2/team/app/blobs/uploads/", null);
        using var second = await registry.Admin.PostAsync("/v2/team/app/blobs/uploads/", null);

        using var third = await registry.Admin.PostAsync("/v2/team/app/blobs/uploads/", null);
        using var cancelled = await registry.Admin.DeleteAsync(first.Header("Location"));
        using var fourth = await registry.Admin.PostAsync("/v2/team/app/blobs/uploads/", null);

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        await RegistryCalls.AssertErrorAsync(third, HttpStatusCode.TooManyRequests, "TOOMANYREQUESTS");
        Assert.Equal(HttpStatusCode.Accepted, fourth.StatusCode);
    }
}
