namespace Platform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Containers outlive the node agent (their runtime shims are detached), so a cluster that goes away
/// stops them itself, as `./platform down` does: SIGKILL through the runtime, a wait for the shims to
/// remove their state, a forced delete of what is left, then the root filesystems are unmounted.
/// </summary>
public static class LeftoverContainers
{
    private static readonly TimeSpan ShimTimeout = TimeSpan.FromSeconds(20);

    public static async Task RemoveAsync(string nodeDirectory)
    {
        var root = Path.Combine(nodeDirectory, "runtime");
        if (Directory.Exists(root))
        {
            foreach (var id in Ids(root))
            {
                await RuntimeAsync(root, "kill", id, "KILL");
            }

            using var deadline = new CancellationTokenSource(ShimTimeout);
            while (Ids(root).Count > 0 && !deadline.IsCancellationRequested)
            {
                await Task.Delay(50);
            }

            foreach (var id in Ids(root))
            {
                await RuntimeAsync(root, "delete", "--force", id);
            }
        }

        foreach (var mount in MountsUnder(nodeDirectory))
        {
            await Tool.RunAsync("umount", ["-l", mount]);
        }
    }

    public static IReadOnlyList<string> MountsUnder(string directory) =>
        File.ReadAllLines("/proc/self/mountinfo")
            .Select(line => line.Split(' ')[4])
            .Where(mount => mount.StartsWith(directory + "/", StringComparison.Ordinal))
            .OrderByDescending(mount => mount.Length)
            .ToList();

    private static List<string> Ids(string root) => Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>().ToList();

    private static Task<ToolResult> RuntimeAsync(string root, params string[] arguments) =>
        Tool.RunAsync(RepositoryLayout.RuntimeBinary, ["--root", root, .. arguments]);
}
