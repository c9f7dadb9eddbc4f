using System.Net;
using System.Net.Http.Json;
using Platform.Api.Model;
using Platform.Api.Serialization;

namespace Platform.EndToEnd.Tests.Infrastructure;

/// <summary>Small typed reads of the gateway's Kubernetes API.</summary>
public static class ClusterApi
{
    public static async Task<bool> AnswersAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return response.IsSuccessStatusCode;
    }

    public static async Task<bool> IsNodeReadyAsync(HttpClient http, string node)
    {
        using var response = await http.GetAsync($"/api/v1/nodes/{node}");
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        var body = await response.Content.ReadFromJsonAsync<Node>(ApiJson.Options);
        return body?.Status?.Conditions?.Any(c => c is { Type: "Ready", Status: "True" }) == true;
    }

    public static async Task<Pod?> GetPodAsync(HttpClient http, string name, string @namespace = "default")
    {
        using var response = await http.GetAsync($"/api/v1/namespaces/{@namespace}/pods/{name}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<Pod>(ApiJson.Options);
    }

    public static async Task<IReadOnlyList<Pod>> ListPodsAsync(HttpClient http)
    {
        var list = await http.GetFromJsonAsync<ObjectList<Pod>>("/api/v1/pods", ApiJson.Options);
        return list!.Items;
    }

    /// <summary>Waits until the pod reaches the phase; returns it.</summary>
    public static Task<Pod> WaitForPhaseAsync(HttpClient http, string name, string phase, TimeSpan timeout) =>
        Eventually.ValueAsync(async () => await GetPodAsync(http, name) is { Status.Phase: var p } pod && p == phase ? pod : null, timeout, $"pod {name} to be {phase}");
}
