using System.Globalization;
using System.Runtime.InteropServices;
using Platform.Api.Model;

namespace Platform.NodeAgent.Node;

/// <summary>Reads what this machine offers (CPU, memory) and what it runs (kernel, OS) from /proc and /etc.</summary>
public static class NodeInfoProbe
{
    public const int MaxPods = 110;
    public const string AgentVersion = "v0.1.0-platform";

    public static ResourceAmounts Capacity() =>
        new(Environment.ProcessorCount * 1000L, MemTotalBytes());

    public static NodeSystemInfo SystemInfo(string runtimeName) => new()
    {
        KernelVersion = ReadTrimmed("/proc/sys/kernel/osrelease"),
        OsImage = PrettyOsName(),
        OperatingSystem = "linux",
        Architecture = RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant() switch { "x64" => "amd64", var a => a },
        KubeletVersion = AgentVersion,
        ContainerRuntimeVersion = runtimeName,
    };

    private static long MemTotalBytes()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kib = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kib * 1024;
    }

    private static string? PrettyOsName() =>
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release")
                .Where(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
                .Select(l => l["PRETTY_NAME=".Length..].Trim('"'))
                .FirstOrDefault()
            : null;

    private static string? ReadTrimmed(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : null;
}
