namespace Platform.Api.Model;

/// <summary>A mark on a node that repels pods which do not tolerate it (node spec.taints).</summary>
public sealed class Taint
{
    public string? Key { get; set; }
    public string? Value { get; set; }
    public string? Effect { get; set; }
    public DateTimeOffset? TimeAdded { get; set; }

    /// <summary>As Kubernetes prints a taint in scheduling reasons: <c>{key: value}</c>.</summary>
    public override string ToString() => $"{{{Key}: {Value}}}";
}

/// <summary>A pod's permission to land on (or stay on) a node with a matching taint (pod spec.tolerations).</summary>
public sealed class Toleration
{
    public string? Key { get; set; }

    /// <summary>Equal (the default) or Exists.</summary>
    public string? Operator { get; set; }
    public string? Value { get; set; }

    /// <summary>Empty tolerates every effect.</summary>
    public string? Effect { get; set; }
    public long? TolerationSeconds { get; set; }
}

public static class TaintEffects
{
    public const string NoSchedule = "NoSchedule";
    public const string PreferNoSchedule = "PreferNoSchedule";
    public const string NoExecute = "NoExecute";
    public static readonly IReadOnlyList<string> All = [NoSchedule, PreferNoSchedule, NoExecute];
}

public static class TolerationOperators
{
    public const string Equal = "Equal";
    public const string Exists = "Exists";
    public static readonly IReadOnlyList<string> All = [Exists, Equal];
}

/// <summary>The labels every node carries, set from what its agent reports.</summary>
public static class WellKnownNodeLabels
{
    public const string Hostname = "kubernetes.io/hostname";
    public const string OperatingSystem = "kubernetes.io/os";
    public const string Architecture = "kubernetes.io/arch";
}
