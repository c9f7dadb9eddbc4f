namespace Platform.ImageStore.Tests.Clients;

/// <summary>The skopeo command line (Debian package `skopeo`, installed by infra/run-tests.sh).</summary>
public static class Skopeo
{
    public static Task<ToolResult> RunAsync(params string[] arguments) => Tool.RunAsync("skopeo", arguments);

    /// <summary>Runs skopeo and fails the test with its error output unless it succeeds.</summary>
    public static async Task<string> SucceedAsync(params string[] arguments)
    {
        var result = await RunAsync(arguments);
        Assert.True(result.ExitCode == 0, $"skopeo {string.Join(' ', arguments)} exited {result.ExitCode}: {result.Errors}");
        return result.Output;
    }
}
