using System.Net;
using System.Net.Http.Headers;
using Platform.ImageStore.Tests.Infrastructure;

namespace Platform.ImageStore.Tests.Api;

[Collection(RegistryCollection.Name)]
public sealed class ApiBaseTests(SharedRegistry registry)
{
    [Fact]
    public async Task Api_base_asks_for_credentials_when_none_are_sent()
    {
        using var response = await registry.Anonymous.GetAsync("/v2/");

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Equal("Basic realm=\"platform\"", response.Header("WWW-Authenticate"));
        Assert.Equal("registry/2.0", response.Header("Docker-Distribution-API-Version"));
    }

    [Fact]
    public async Task Api_base_answers_200_to_basic_credentials_with_the_admin_token_as_password()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v2/");
        request.Headers.Authorization = RegistryProcess.Basic("anyone", registry.Token);

        using var response = await registry.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("registry/2.0", response.Header("Docker-Distribution-API-Version"));
        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_base_answers_200_to_the_admin_token_as_bearer()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v2/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", registry.Token);

        using var response = await registry.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Api_base_refuses_a_wrong_password()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v2/");
        request.Headers.Authorization = RegistryProcess.Basic("admin", "not-the-token");

        using var response = await registry.Anonymous.SendAsync(request);

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task An_unknown_endpoint_is_unsupported()
    {
        using var response = await registry.Admin.GetAsync("/v2/team/app/unknown/thing");

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.NotFound, "UNSUPPORTED");
    }

    [Fact]
    public async Task A_method_an_endpoint_does_not_have_is_unsupported()
    {
        using var response = await registry.Admin.PostAsync("/v2/team/app/tags/list", null);

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.MethodNotAllowed, "UNSUPPORTED");
    }
}
