using System.Diagnostics;
using System.Text.Json;
using Platform.Runtime.Spec;

namespace Platform.Runtime.Tests.Infrastructure;

/// <summary>An OCI bundle whose root filesystem is Debian's static busybox with its applet links.</summary>
public sealed class BusyboxBundle : IDisposable
{
    private const string Busybox = "/bin/busybox";

    public BusyboxBundle(params string[] shellScript)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("platform-bundle-").FullName;
        Rootfs = Path.Combine(Directory, "rootfs");
        CreateRootfs(Rootfs);
        Spec = DefaultSpec.Create(shellScript.Length == 0 ? ["true"] : ["sh", "-c", string.Join('\n', shellScript)]);
        Spec.Hostname = "test-container";
        Spec.Linux!.CgroupsPath = $"platform-test/{Path.GetFileName(Directory)}";
    }

    public string Directory { get; }

    public string Rootfs { get; }

    public RuntimeSpec Spec { get; }

    /// <summary>Writes config.json; call after changing <see cref="Spec"/>.</summary>
    public BusyboxBundle Save()
    {
        File.WriteAllText(Path.Combine(Directory, "config.json"), JsonSerializer.Serialize(Spec, RuntimeJson.Default.RuntimeSpec));
        return this;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static void CreateRootfs(string rootfs)
    {
        foreach (var directory in new[] { "bin", "proc", "sys", "dev", "etc", "tmp", "root" })
        {
            System.IO.Directory.CreateDirectory(Path.Combine(rootfs, directory));
        }

        File.Copy(Busybox, Path.Combine(rootfs, "bin", "busybox"));
        foreach (var applet in Applets().Where(a => a != "busybox"))
        {
            File.CreateSymbolicLink(Path.Combine(rootfs, "bin", applet), "busybox");
        }

        File.WriteAllText(Path.Combine(rootfs, "etc", "passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    }

    private static IEnumerable<string> Applets()
    {
        using var list = Process.Start(new ProcessStartInfo(Busybox, "--list") { RedirectStandardOutput = true })!;
        var applets = list.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        list.WaitForExit();
        return applets;
    }
}
