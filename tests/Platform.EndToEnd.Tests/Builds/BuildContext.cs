using System.Text.RegularExpressions;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Builds;

/// <summary>A temporary build context directory and `platformctl build` against the test cluster.</summary>
public sealed partial class BuildContext : IDisposable
{
    private readonly PlatformCluster cluster;

    public BuildContext(PlatformCluster cluster, string dockerfile)
    {
        this.cluster = cluster;
        Directory = System.IO.Directory.CreateTempSubdirectory("platform-build-e2e-").FullName;
        Write("Dockerfile", dockerfile);
    }

    public string Directory { get; }

    public void Write(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public Task<ToolResult> BuildAsync(string tag, params string[] options) =>
        cluster.Cli.RunAsync(null, ["build", "--registry", cluster.Registry, "-t", tag, .. options, Directory]);

    /// <summary>The step numbers the output marks CACHED (the line after "Step N/M").</summary>
    public static SortedSet<int> CachedSteps(string output)
    {
        var cached = new SortedSet<int>();
        var lines = output.Split('\n');
        for (var i = 0; i < lines.Length - 1; i++)
        {
            if (StepLine().Match(lines[i]) is { Success: true } step && lines[i + 1].Trim() == "---> CACHED")
            {
                cached.Add(int.Parse(step.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return cached;
    }

    public static int StepCount(string output) => output.Split('\n').Count(l => StepLine().IsMatch(l));

    public static string Digest(string output) => output.TrimEnd('\n').Split('\n')[^1];

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    [GeneratedRegex(@"^Step (\d+)/\d+ : ")]
    private static partial Regex StepLine();
}
