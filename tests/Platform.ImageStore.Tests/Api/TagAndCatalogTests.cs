using System.Net;
using System.Text.Json;
using Platform.ImageStore.Tests.Infrastructure;

namespace Platform.ImageStore.Tests.Api;

[Collection(RegistryCollection.Name)]
public sealed class TagAndCatalogTests(SharedRegistry registry)
{
    private readonly string repository = Content.NewRepository("team");

    [Fact]
    public async Task Tags_are_listed_in_lexical_order()
    {
        var manifest = await registry.Admin.PushImageAsync(repository, "v2");
        foreach (var tag in new[] { "latest", "v1", "A" })
        {
            using var response = await registry.Admin.PutManifestAsync(repository, tag, manifest, Manifests.OciManifest);
        }

        using var list = await registry.Anonymous.GetAsync($"/v2/{repository}/tags/list");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(["A", "latest", "v1", "v2"], await TagsOf(list));
        Assert.False(list.Headers.Contains("Link"));
    }

    [Fact]
    public async Task Tags_are_paginated_with_n_last_and_a_link_to_the_next_page()
    {
        var manifest = await registry.Admin.PushImageAsync(repository, "t1");
        foreach (var tag in new[] { "t2", "t3", "t4", "t5" })
        {
            using var response = await registry.Admin.PutManifestAsync(repository, tag, manifest, Manifests.OciManifest);
        }

        using var first = await registry.Anonymous.GetAsync($"/v2/{repository}/tags/list?n=2");
        var next = first.Header("Link");
        using var second = await registry.Anonymous.GetAsync(next[1..next.IndexOf('>', StringComparison.Ordinal)]);
        using var last = await registry.Anonymous.GetAsync($"/v2/{repository}/tags/list?n=2&last=t4");

        Assert.Equal(["t1", "t2"], await TagsOf(first));
        Assert.Equal($"</v2/{repository}/tags/list?n=2&last=t2>; rel=\"next\"", next);
        Assert.Equal(["t3", "t4"], await TagsOf(second));
        Assert.Equal(["t5"], await TagsOf(last));
        Assert.False(last.Headers.Contains("Link"));
    }

    [Fact]
    public async Task Invalid_page_size_is_refused()
    {
        await registry.Admin.PushImageAsync(repository, "v1");

        using var response = await registry.Anonymous.GetAsync($"/v2/{repository}/tags/list?n=-1");

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.BadRequest, "PAGINATION_NUMBER_INVALID");
    }

    [Fact]
    public async Task Tags_of_an_unknown_repository_are_NAME_UNKNOWN()
    {
        using var response = await registry.Anonymous.GetAsync($"/v2/{Content.NewRepository()}/tags/list");

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.NotFound, "NAME_UNKNOWN");
    }

    [Theory]
    [InlineData("Team/App")]
    [InlineData("team//app")]
    [InlineData("team/-app")]
    [InlineData("team/app.")]
    [InlineData("team/app_")]
    public async Task Names_outside_the_spec_grammar_are_NAME_INVALID(string name)
    {
        using var response = await registry.Admin.PostAsync($"/v2/{name}/blobs/uploads/", null);

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.BadRequest, "NAME_INVALID");
    }

    [Fact]
    public async Task Catalog_lists_multi_component_repositories_and_paginates()
    {
        var names = new[] { $"{repository}/a", $"{repository}/b", $"{repository}/c/d", $"{repository}/e" };
        foreach (var name in names)
        {
            await registry.Admin.PushImageAsync(name, "v1");
        }

        var all = await RepositoriesOf(await registry.Anonymous.GetAsync("/v2/_catalog"));
        var ours = all.Where(name => name.StartsWith(repository + "/", StringComparison.Ordinal)).ToArray();
        using var page = await registry.Anonymous.GetAsync($"/v2/_catalog?n=2&last={repository}/a");

        Assert.Equal(names, ours);
        Assert.Equal([$"{repository}/b", $"{repository}/c/d"], await RepositoriesOf(page));
        Assert.Equal($"</v2/_catalog?n=2&last={Uri.EscapeDataString(repository + "/c/d")}>; rel=\"next\"", page.Header("Link"));
    }

    private static async Task<string[]> TagsOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("tags")
            .EnumerateArray().Select(t => t.GetString()!).ToArray();

    private static async Task<string[]> RepositoriesOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("repositories")
            .EnumerateArray().Select(t => t.GetString()!).ToArray();
}
