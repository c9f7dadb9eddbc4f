using Platform.Runtime.Init;

namespace Platform.Runtime.Exec;

/// <summary>
/// What an exec does in its forked children, prepared before the fork: the namespaces of the
/// container's init to join (descriptors opened by the parent), the process to run (an
/// <see cref="InitPlan"/> with only its process fields set), and the terminal, if any.
/// </summary>
public sealed class ExecPlan
{
    public required NamespaceToJoin[] Namespaces { get; init; }

    public required InitPlan Process { get; init; }

    /// <summary>A terminal device opened by the parent that becomes stdin, stdout and stderr; -1 for none.</summary>
    public int ConsoleFd { get; init; } = -1;

    /// <summary>Make stdin (or the console) the process's controlling terminal in a new session.</summary>
    public bool Terminal { get; init; }
}

public struct NamespaceToJoin
{
    public int Fd;
    public int CloneFlag;
}

/// <summary>Report codes of an exec's children, apart from the init's steps.</summary>
public static class ExecSteps
{
    public const int JoinNamespace = 100;
    public const int Fork = 101;
    public const int Terminal = 102;

    public static string Describe(int step) => step switch
    {
        JoinNamespace => "joining the container's namespaces",
        Fork => "forking into the container's pid namespace",
        Terminal => "setting up the terminal",
        _ => InitSteps.Describe((InitStep)step),
    };
}
