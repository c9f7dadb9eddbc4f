using System.Net;
using System.Net.Http.Headers;
using Platform.ImageStore.Tests.Infrastructure;

namespace Platform.ImageStore.Tests.Auth;

[Collection(RegistryCollection.Name)]
public sealed class AuthenticationTests(SharedRegistry registry)
{
    private readonly string repository = Content.NewRepository();

    public static TheoryData<string, string> Writes => new()
    {
        { "POST", "/v2/team/app/blobs/uploads/" },
        { "PATCH", $"/v2/team/app/blobs/uploads/{Guid.NewGuid():N}" },
        { "PUT", $"/v2/team/app/blobs/uploads/{Guid.NewGuid():N}?digest={Content.UnknownDigest()}" },
        { "DELETE", $"/v2/team/app/blobs/uploads/{Guid.NewGuid():N}" },
        { "PUT", "/v2/team/app/manifests/v1" },
        { "DELETE", "/v2/team/app/manifests/v1" },
        { "DELETE", $"/v2/team/app/blobs/{Content.UnknownDigest()}" },
        { "POST", "/admin/gc" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Writes_without_credentials_are_UNAUTHORIZED_with_a_basic_challenge(string method, string path)
    {
        using var response = await registry.Anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = RegistryCalls.Octets([1, 2, 3]),
        });

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Equal("Basic realm=\"platform\"", response.Header("WWW-Authenticate"));
    }

    [Fact]
    public async Task Writes_with_a_wrong_token_are_UNAUTHORIZED()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v2/{repository}/blobs/uploads/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");

        using var response = await registry.Anonymous.SendAsync(request);

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Push_with_the_token_as_bearer_is_accepted()
    {
        using var bearer = new HttpClient { BaseAddress = registry.BaseAddress };
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", registry.Token);

        await bearer.PushImageAsync(repository, "v1");
    }

    [Fact]
    public async Task Push_with_basic_credentials_of_any_user_name_is_accepted()
    {
        using var basic = new HttpClient { BaseAddress = registry.BaseAddress };
        basic.DefaultRequestHeaders.Authorization = RegistryProcess.Basic("ci-bot", registry.Token);

        await basic.PushImageAsync(repository, "v1");
    }

    [Fact]
    public async Task Pulls_are_anonymous_by_default()
    {
        var manifest = await registry.Admin.PushImageAsync(repository, "v1");
        using var byTag = await registry.Anonymous.GetAsync($"/v2/{repository}/manifests/v1");
        var digest = Content.DigestOf(manifest);

        Assert.Equal(HttpStatusCode.OK, byTag.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await registry.Anonymous.HeadAsync($"/v2/{repository}/manifests/{digest}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await registry.Anonymous.GetAsync($"/v2/{repository}/tags/list")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await registry.Anonymous.GetAsync($"/v2/{repository}/referrers/{digest}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await registry.Anonymous.GetAsync("/v2/_catalog")).StatusCode);
    }

    [Fact]
    public async Task Pulls_with_empty_basic_credentials_are_anonymous_pulls()
    {
        // What containers/image sends after a Basic challenge when it has no credentials.
        var manifest = await registry.Admin.PushImageAsync(repository, "v1");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v2/{repository}/manifests/v1");
        request.Headers.Authorization = RegistryProcess.Basic("", "");

        using var response = await registry.Anonymous.SendAsync(request);

        Assert.Equal(manifest, await response.Content.ReadAsByteArrayAsync());
    }
}
