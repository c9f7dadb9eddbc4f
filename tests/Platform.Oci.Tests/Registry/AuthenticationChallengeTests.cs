using System.Net.Http.Headers;
using Platform.Oci.Registry;

namespace Platform.Oci.Tests.Registry;

public sealed class AuthenticationChallengeTests
{
    [Fact]
    public void Parses_a_docker_bearer_challenge_with_commas_inside_the_scope()
    {
        var challenge = AuthenticationChallenge.From(new AuthenticationHeaderValue("Bearer",
            "realm=\"https://auth.example.com/token\",service=\"registry.example.com\",scope=\"repository:team/app:pull,push\""));

        Assert.True(challenge.IsBearer);
        Assert.Equal("https://auth.example.com/token", challenge.Realm);
        Assert.Equal("registry.example.com", challenge.Service);
        Assert.Equal("repository:team/app:pull,push", challenge.Scope);
    }

    [Fact]
    public void Parses_unquoted_values_spaces_and_escapes()
    {
        var parameters = AuthenticationChallenge.ParseParameters("realm=basic-realm, charset=\"UTF-8\", note=\"say \\\"hi\\\"\"");

        Assert.Equal("basic-realm", parameters["realm"]);
        Assert.Equal("UTF-8", parameters["charset"]);
        Assert.Equal("say \"hi\"", parameters["note"]);
    }

    [Fact]
    public void A_basic_challenge_is_recognised() =>
        Assert.True(AuthenticationChallenge.From(new AuthenticationHeaderValue("Basic", "realm=\"x\"")).IsBasic);

    [Theory]
    [InlineData("127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("localhost:5000", "http://localhost:5000/")]
    [InlineData("[::1]:5000", "http://[::1]:5000/")]
    [InlineData("registry.example.com", "https://registry.example.com/")]
    [InlineData("10.0.0.5:5000", "https://10.0.0.5:5000/")]
    public void Loopback_registries_are_spoken_to_over_http(string host, string expected) =>
        Assert.Equal(expected, RegistryEndpoint.BaseAddressFor(host).ToString());

    [Fact]
    public void Listed_insecure_registries_use_http() =>
        Assert.Equal("http://10.0.0.5:5000/", RegistryEndpoint.BaseAddressFor("10.0.0.5:5000", ["10.0.0.5:5000"]).ToString());
}
