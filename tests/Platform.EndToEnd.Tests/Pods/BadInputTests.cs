using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Pods;

/// <summary>Every bad request gets a 4xx with a message naming the problem, and stores nothing.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BadInputTests(PlatformCluster cluster)
{
    private const string PodsPath = "/api/v1/namespaces/default/pods";

    public static TheoryData<string, string, string, HttpStatusCode, string> Cases => new()
    {
        { "malformed-json", "application/json", "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", ", HttpStatusCode.BadRequest, "invalid JSON at line 1" },
        { "malformed-yaml", "application/yaml", "apiVersion: v1\nkind: Pod\nmetadata: [name: x\n", HttpStatusCode.BadRequest, "invalid YAML at line" },
        { "unknown-kind", "application/yaml", "apiVersion: v1\nkind: Pid\nmetadata: {name: unknown-kind}\n", HttpStatusCode.BadRequest, "the kind in the data (Pid)" },
        { "no-image", "application/yaml", Pod("no-image", "{name: c}"), (HttpStatusCode)422, "spec.containers[0].image: Required value" },
        { "Invalid_Name", "application/yaml", Pod("Invalid_Name", "{name: c, image: busybox}"), (HttpStatusCode)422, "metadata.name: Invalid value: \"Invalid_Name\"" },
        { "negative-cpu", "application/yaml", Pod("negative-cpu", "{name: c, image: busybox, resources: {requests: {cpu: \"-1\"}}}"), (HttpStatusCode)422, "spec.containers[0].resources.requests[cpu]: Invalid value: \"-1\": must be greater than or equal to 0" },
        { "absurd-memory", "application/yaml", Pod("absurd-memory", "{name: c, image: busybox, resources: {limits: {memory: 5Ei}}}"), (HttpStatusCode)422, "spec.containers[0].resources.limits[memory]: Invalid value: \"5Ei\": must be less than or equal to 1Pi" },
        { "unknown-field", "application/yaml", Pod("unknown-field", "{name: c, image: busybox, imagePullPolicyy: Always}"), HttpStatusCode.BadRequest, "unknown field \"spec.containers[0].imagePullPolicyy\"" },
        { "no-containers", "application/yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: no-containers}\nspec: {containers: []}\n", (HttpStatusCode)422, "spec.containers: Required value" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_refused_with_a_message_and_nothing_is_stored(string name, string contentType, string body, HttpStatusCode expected, string message)
    {
        var before = await ClusterApi.ListPodsAsync(cluster.Http);

        using var response = await Post(body, contentType);

        Assert.Equal(expected, response.StatusCode);
        var status = await ReadStatus(response);
        Assert.Equal("Status", status.GetProperty("kind").GetString());
        Assert.Equal((int)expected, status.GetProperty("code").GetInt32());
        Assert.Contains(message, status.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Null(await ClusterApi.GetPodAsync(cluster.Http, name.ToLowerInvariant()));
        Assert.Equal(before.Count, (await ClusterApi.ListPodsAsync(cluster.Http)).Count);
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_refused_with_413()
    {
        var padding = new string('x', 1024 * 1024);
        var body = $"{{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{{\"name\":\"huge\",\"annotations\":{{\"pad\":\"{padding}\"}}}}}}";

        // As curl does for a large body: ask before sending, so the refusal is not raced by the upload.
        using var request = new HttpRequestMessage(HttpMethod.Post, PodsPath) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        using var response = await cluster.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than the limit", (await ReadStatus(response)).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Null(await ClusterApi.GetPodAsync(cluster.Http, "huge"));
    }

    [Fact]
    public async Task A_request_without_the_admin_token_is_refused_with_401()
    {
        using var anonymous = new HttpClient { BaseAddress = cluster.GatewayUrl };
        using var content = new StringContent(Pod("anonymous", "{name: c, image: busybox}"), Encoding.UTF8, "application/yaml");

        using var response = await anonymous.PostAsync(PodsPath, content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await ClusterApi.GetPodAsync(cluster.Http, "anonymous"));
    }

    [Fact]
    public async Task The_cli_prints_the_servers_message_on_one_line_and_exits_non_zero()
    {
        var result = await cluster.Cli.RunAsync(Pod("cli-no-image", "{name: c}"), "apply", "-f", "-");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "Error from server (Invalid): Pod \"cli-no-image\" is invalid: spec.containers[0].image: Required value\n",
            result.Errors);
        Assert.Null(await ClusterApi.GetPodAsync(cluster.Http, "cli-no-image"));
    }

    private static string Pod(string name, string container) =>
        $"apiVersion: v1\nkind: Pod\nmetadata: {{name: {name}}}\nspec:\n  containers: [{container}]\n";

    private async Task<HttpResponseMessage> Post(string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await cluster.Http.PostAsync(PodsPath, content);
    }

    private static async Task<JsonElement> ReadStatus(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
