using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Workloads;

/// <summary>Typed calls to the gateway for Deployments, ReplicaSets and namespaces.</summary>
public static class WorkloadApi
{
    public const string Deployments = "/apis/apps/v1/namespaces/default/deployments";

    public static async Task<HttpResponseMessage> SendYamlAsync(HttpClient http, HttpMethod method, string path, string yaml)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(yaml, Encoding.UTF8, "application/yaml") };
        return await http.SendAsync(request);
    }

    /// <summary>POSTs a manifest and asserts it was created, naming the path and the server's answer otherwise.</summary>
    public static async Task CreateAsync(HttpClient http, string path, string yaml)
    {
        using var response = await SendYamlAsync(http, HttpMethod.Post, path, yaml);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>DELETEs an object and asserts the server accepted it.</summary>
    public static async Task DeleteAsync(HttpClient http, string path)
    {
        using var response = await http.DeleteAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"DELETE {path}: {response.StatusCode}");
    }

    public static async Task<HttpResponseMessage> PatchAsync(HttpClient http, string path, string json, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await http.SendAsync(request);
    }

    public static async Task<T?> GetAsync<T>(HttpClient http, string path)
        where T : class
    {
        using var response = await http.GetAsync(path);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<T>(ApiJson.Options);
    }

    public static async Task<IReadOnlyList<Pod>> PodsAsync(HttpClient http, string selector, string @namespace = "default")
    {
        var list = await http.GetFromJsonAsync<ObjectList<Pod>>($"/api/v1/namespaces/{@namespace}/pods?labelSelector={Uri.EscapeDataString(selector)}", ApiJson.Options);
        return list!.Items;
    }

    public static async Task<IReadOnlyList<ReplicaSet>> ReplicaSetsAsync(HttpClient http, string selector, string @namespace = "default")
    {
        var list = await http.GetFromJsonAsync<ObjectList<ReplicaSet>>($"/apis/apps/v1/namespaces/{@namespace}/replicasets?labelSelector={Uri.EscapeDataString(selector)}", ApiJson.Options);
        return list!.Items;
    }

    /// <summary>Waits until the Deployment has observed its generation and runs exactly the desired replicas, all updated and available.</summary>
    public static Task<Deployment> WaitForRolloutAsync(HttpClient http, string name, TimeSpan timeout, string @namespace = "default") =>
        Eventually.ValueAsync(async () =>
        {
            var d = await GetAsync<Deployment>(http, $"/apis/apps/v1/namespaces/{@namespace}/deployments/{name}");
            var desired = d?.Spec.Replicas ?? -1;
            return d is { Status: { } s } && s.ObservedGeneration >= d.Metadata.Generation
                && s.UpdatedReplicas == desired && s.Replicas == desired && s.AvailableReplicas == desired ? d : null;
        }, timeout, $"deployment {name} to finish its rollout");

    public static Task WaitForPodCountAsync(HttpClient http, string selector, int count, TimeSpan timeout) =>
        Eventually.TrueAsync(async () => (await PodsAsync(http, selector)).Count == count, timeout, $"{count} pods matching {selector}");
}
