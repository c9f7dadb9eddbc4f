using System.Text.Json.Serialization;

namespace Platform.Runtime.Spec;

/// <summary>The subset of the OCI runtime specification's config.json this runtime implements.</summary>
public sealed class RuntimeSpec
{
    public string? OciVersion { get; set; }
    public SpecProcess? Process { get; set; }
    public SpecRoot? Root { get; set; }
    public string? Hostname { get; set; }
    public List<SpecMount>? Mounts { get; set; }
    public SpecLinux? Linux { get; set; }
    public Dictionary<string, string>? Annotations { get; set; }
}

public sealed class SpecProcess
{
    public bool Terminal { get; set; }
    public SpecUser? User { get; set; }
    public List<string>? Args { get; set; }
    public List<string>? Env { get; set; }
    public string? Cwd { get; set; }
    public SpecCapabilities? Capabilities { get; set; }
    public List<SpecRlimit>? Rlimits { get; set; }
    public bool NoNewPrivileges { get; set; }
}

public sealed class SpecUser
{
    public uint Uid { get; set; }
    public uint Gid { get; set; }
    public List<uint>? AdditionalGids { get; set; }
}

public sealed class SpecCapabilities
{
    public List<string>? Bounding { get; set; }
    public List<string>? Effective { get; set; }
    public List<string>? Inheritable { get; set; }
    public List<string>? Permitted { get; set; }
    public List<string>? Ambient { get; set; }
}

public sealed class SpecRlimit
{
    public string? Type { get; set; }
    public ulong Hard { get; set; }
    public ulong Soft { get; set; }
}

public sealed class SpecRoot
{
    public string? Path { get; set; }
    public bool Readonly { get; set; }
}

public sealed class SpecMount
{
    public string? Destination { get; set; }
    public string? Type { get; set; }
    public string? Source { get; set; }
    public List<string>? Options { get; set; }
}

public sealed class SpecLinux
{
    public List<SpecNamespace>? Namespaces { get; set; }
    public SpecResources? Resources { get; set; }
    public string? CgroupsPath { get; set; }
    public List<string>? MaskedPaths { get; set; }
    public List<string>? ReadonlyPaths { get; set; }
}

public sealed class SpecNamespace
{
    public string? Type { get; set; }
    public string? Path { get; set; }
}

public sealed class SpecResources
{
    public SpecMemory? Memory { get; set; }
    public SpecCpu? Cpu { get; set; }
    public SpecPids? Pids { get; set; }
}

public sealed class SpecMemory
{
    public long? Limit { get; set; }
}

public sealed class SpecCpu
{
    public ulong? Shares { get; set; }
    public long? Quota { get; set; }
    public ulong? Period { get; set; }
}

public sealed class SpecPids
{
    public long Limit { get; set; }
}

/// <summary>Source-generated JSON for config.json and state files, so the runtime works under NativeAOT.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(RuntimeSpec))]
[JsonSerializable(typeof(SpecProcess))]
[JsonSerializable(typeof(State.ContainerState))]
[JsonSerializable(typeof(List<State.ContainerState>))]
public sealed partial class RuntimeJson : JsonSerializerContext;
