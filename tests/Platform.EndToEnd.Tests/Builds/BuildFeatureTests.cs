using System.Net;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Builds;

/// <summary>Multi-stage builds, --target, build args, .dockerignore, reproducible digests and bad input.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BuildFeatureTests(PlatformCluster cluster)
{
    [Fact]
    public async Task A_multi_stage_build_copies_from_an_earlier_stage_onto_scratch()
    {
        using var context = new BuildContext(cluster, """
            ARG MESSAGE=default
            FROM busybox:latest AS builder
            ARG MESSAGE
            RUN mkdir /out && echo "built $MESSAGE" > /out/result && rm /bin/ls
            FROM scratch
            COPY --from=builder /out/result /result
            COPY --from=builder /bin/busybox /bin/sh
            CMD ["/bin/sh", "-c", "read line < /result; echo $line"]
            """);

        var build = await context.BuildAsync("multi-stage:1", "--build-arg", "MESSAGE=with-arg");
        Assert.True(build.ExitCode == 0, build.Output + build.Errors);
        var manifest = await ManifestAsync("multi-stage", "1");
        Assert.Equal(2, manifest.RootElement.GetProperty("layers").GetArrayLength());

        var target = await context.BuildAsync("multi-stage:builder", "--target", "builder", "--build-arg", "MESSAGE=with-arg");
        Assert.Equal(0, target.ExitCode);
        Assert.Equal(3, BuildContext.StepCount(target.Output));
        Assert.Equal([2, 3], BuildContext.CachedSteps(target.Output));
    }

    [Fact]
    public async Task Two_builds_without_cache_give_the_same_digest()
    {
        using var context = new BuildContext(cluster, """
            FROM busybox:latest
            COPY . /src/
            RUN touch /src/made-at-build-time && rm -f /bin/true
            LABEL purpose=reproducible
            """);
        context.Write("a/b/c.txt", "c\n");
        context.Write("secret.key", "must not be sent\n");
        context.Write(".dockerignore", "*.key\n");

        var first = await context.BuildAsync("reproducible:1", "--no-cache", "-q");
        var second = await context.BuildAsync("reproducible:2", "--no-cache", "-q");

        Assert.True(first.ExitCode == 0, first.Errors);
        Assert.Matches("^sha256:[0-9a-f]{64}\n$", first.Output);
        Assert.Equal(first.Output, second.Output);
    }

    [Fact]
    public async Task A_failing_run_shows_its_exit_code_and_output_and_tags_nothing()
    {
        using var context = new BuildContext(cluster, """
            FROM busybox:latest
            RUN echo about to fail && exit 7
            """);

        var build = await context.BuildAsync("fails-to-build:1");

        Assert.Equal(1, build.ExitCode);
        Assert.Contains("returned a non-zero code: 7", build.Errors);
        Assert.Contains("about to fail", build.Errors);
        Assert.Equal(HttpStatusCode.NotFound, await ManifestStatusAsync("fails-to-build", "1"));
    }

    [Theory]
    [InlineData("FROM busybox:latest\nCOPY ../outside /x\n", "forbidden path outside the build context")]
    [InlineData("FROM busybox:latest\nCOPY missing.txt /x\n", "file not found in build context")]
    [InlineData("FROM no-such-image:latest\nRUN true\n", "base image \"no-such-image:latest\" could not be pulled")]
    [InlineData("FROM busybox:latest\nRUN true\nFROBNICATE now\n", "Dockerfile:3:1: unknown instruction: FROBNICATE")]
    public async Task Bad_input_is_one_clear_error_and_no_image(string dockerfile, string message)
    {
        using var context = new BuildContext(cluster, dockerfile);

        var build = await context.BuildAsync("bad-input:1");

        Assert.Equal(1, build.ExitCode);
        Assert.Contains(message, build.Errors);
        Assert.Equal(HttpStatusCode.NotFound, await ManifestStatusAsync("bad-input", "1"));
    }

    private async Task<System.Text.Json.JsonDocument> ManifestAsync(string repository, string tag)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{cluster.Registry}/v2/{repository}/manifests/{tag}");
        request.Headers.Accept.ParseAdd("application/vnd.oci.image.manifest.v1+json");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpStatusCode> ManifestStatusAsync(string repository, string tag)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync($"http://{cluster.Registry}/v2/{repository}/manifests/{tag}");
        return response.StatusCode;
    }
}
