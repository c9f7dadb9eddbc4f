using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.ApiGateway.Ingress;

namespace Platform.ApiGateway.Tests.Ingress;

public sealed class IngressHostTests
{
    private const string Domain = "apps.localhost";

    [Theory]
    [InlineData("web.default.apps.localhost", "default", "web")]
    [InlineData("Web.Default.Apps.LocalHost", "default", "web")]
    [InlineData("web.default.apps.localhost.", "default", "web")]
    [InlineData("my-svc.team-1.apps.localhost", "team-1", "my-svc")]
    public void A_service_and_namespace_under_the_domain_name_that_service(string host, string @namespace, string service) =>
        Assert.Equal(new IngressHostMatch(true, @namespace, service), IngressHost.Parse(host, Domain));

    [Theory]
    [InlineData("apps.localhost")]
    [InlineData("web.apps.localhost")]
    [InlineData("a.web.default.apps.localhost")]
    [InlineData(".default.apps.localhost")]
    [InlineData("-web.default.apps.localhost")]
    [InlineData("web_1.default.apps.localhost")]
    public void Other_names_in_the_domain_belong_to_the_ingress_but_name_no_service(string host) =>
        Assert.Equal(new IngressHostMatch(true, null, null), IngressHost.Parse(host, Domain));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("web.default.xapps.localhost")]
    [InlineData("web.default.apps.localhost.example")]
    public void Names_outside_the_domain_are_not_the_ingress(string host) =>
        Assert.False(IngressHost.Parse(host, Domain).InDomain);

    [Theory]
    [InlineData(null, "apps.localhost")]
    [InlineData("Apps.Example.COM.", "apps.example.com")]
    [InlineData("", null)]
    public void The_domain_comes_from_PLATFORM_INGRESS_DOMAIN_with_a_default_and_empty_turns_it_off(string? setting, string? domain)
    {
        var values = new Dictionary<string, string?>();
        if (setting is not null)
        {
            values["PLATFORM_INGRESS_DOMAIN"] = setting;
        }

        Assert.Equal(domain, IngressHost.Domain(new ConfigurationBuilder().AddInMemoryCollection(values).Build()));
    }

    [Theory]
    [InlineData("web.default.apps.localhost:8080", "/", "/apps/default/web/")]
    [InlineData("web.default.apps.localhost", "/index.html", "/apps/default/web/index.html")]
    [InlineData("web.default.apps.localhost", "/apps/other/x/", "/apps/default/web/apps/other/x/")]
    [InlineData("127.0.0.1:8080", "/api/v1/pods", "/api/v1/pods")]
    public async Task The_middleware_moves_a_host_form_request_under_the_path_form(string host, string path, string routed)
    {
        var context = new DefaultHttpContext();
        context.Request.Host = HostString.FromUriComponent(host);
        context.Request.Path = path;
        string? seen = null;
        var routing = new IngressHostRouting(c =>
        {
            seen = c.Request.Path;
            return Task.CompletedTask;
        }, Domain);

        await routing.InvokeAsync(context);

        Assert.Equal(routed, seen);
        Assert.Equal(routed != path, context.Items.ContainsKey(IngressHostRouting.RoutedByHost));
    }

    [Fact]
    public async Task A_name_in_the_domain_that_names_no_service_is_answered_404_without_reaching_the_api()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Request.Host = new HostString("web.apps.localhost");
        context.Request.Path = "/api/v1/pods";
        context.Response.Body = new MemoryStream();
        var reached = false;
        var routing = new IngressHostRouting(_ =>
        {
            reached = true;
            return Task.CompletedTask;
        }, Domain);

        await routing.InvokeAsync(context);

        Assert.False(reached);
        Assert.Equal(404, context.Response.StatusCode);
    }
}
