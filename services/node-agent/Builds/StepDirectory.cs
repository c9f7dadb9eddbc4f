using Platform.NodeAgent.Runtime;

namespace Platform.NodeAgent.Builds;

/// <summary>
/// The scratch space of one filesystem step: an overlay of the image's layers with a fresh upper
/// directory, mounted at <c>rootfs</c>. Whatever the step writes lands in <c>upper</c>, which becomes
/// the step's layer. Disposing unmounts and removes it all (never through a live mount).
/// </summary>
public sealed class StepDirectory : IDisposable
{
    private readonly List<string> mounts = [];

    public StepDirectory(string path)
    {
        Path = path;
        Directory.CreateDirectory(path);
    }

    public string Path { get; }

    public string Upper => System.IO.Path.Combine(Path, "upper");

    public string Bundle => System.IO.Path.Combine(Path, "bundle");

    public string RootFs => System.IO.Path.Combine(Bundle, "rootfs");

    /// <summary>Mounts the layers (bottom first) with the upper directory at <see cref="RootFs"/>.</summary>
    public void MountWritable(IReadOnlyList<string> layers)
    {
        OverlayMount.Mount(LowerDirs(layers), Upper, System.IO.Path.Combine(Path, "work"), RootFs);
        mounts.Add(RootFs);
    }

    /// <summary>Mounts the layers at <c>Path/name</c> to read from (another stage's or image's filesystem for COPY --from).</summary>
    public string MountSource(string name, IReadOnlyList<string> layers)
    {
        var target = System.IO.Path.Combine(Path, name);
        OverlayMount.Mount(LowerDirs(layers), System.IO.Path.Combine(Path, name + "-upper"), System.IO.Path.Combine(Path, name + "-work"), target);
        mounts.Add(target);
        return target;
    }

    public void Unmount()
    {
        foreach (var mount in mounts)
        {
            OverlayMount.Unmount(mount);
        }

        mounts.Clear();
    }

    public void Dispose()
    {
        Unmount();
        if (File.ReadLines("/proc/self/mountinfo").Any(line => line.Split(' ')[4].StartsWith(Path + "/", StringComparison.Ordinal)))
        {
            throw new IOException($"{Path} still has mounts; leaving the build step's files in place");
        }

        Directory.Delete(Path, recursive: true);
    }

    private string LowerDirs(IReadOnlyList<string> layers) =>
        layers.Count == 0 ? Empty("empty") : string.Join(':', layers.Reverse());

    private string Empty(string name)
    {
        var empty = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(empty);
        return empty;
    }
}
