using System.Globalization;
using Platform.Runtime.Spec;

namespace Platform.Runtime.Exec;

/// <summary>
/// What `exec` was asked to run. Unset fields come from the container's own process in config.json,
/// as with runc: its environment (extended by <see cref="Env"/>), user, working directory, capabilities,
/// no_new_privs and rlimits.
/// </summary>
public sealed record ExecOptions(
    IReadOnlyList<string> Args,
    IReadOnlyList<string> Env,
    string? Cwd = null,
    SpecUser? User = null,
    SpecProcess? Process = null,
    bool Terminal = false,
    string? ConsolePath = null)
{
    /// <summary>The process to run: the one given whole (--process), else the container's with these overrides.</summary>
    public SpecProcess Resolve(SpecProcess container)
    {
        if (Process is not null)
        {
            return Process.Args is { Count: > 0 } ? Process : throw new RuntimeException("the process file must name args");
        }

        if (Args.Count == 0)
        {
            throw new RuntimeException("exec: a command is required (ID -- CMD ARGS...)");
        }

        return new SpecProcess
        {
            Terminal = Terminal,
            Args = [.. Args],
            Env = MergeEnvironment(container.Env ?? [], Env),
            Cwd = Cwd ?? container.Cwd,
            User = User ?? container.User,
            Capabilities = container.Capabilities,
            Rlimits = container.Rlimits,
            NoNewPrivileges = container.NoNewPrivileges,
        };
    }

    /// <summary>The container's variables, each overridden by a K=V of the same name, new names appended.</summary>
    public static List<string> MergeEnvironment(IReadOnlyList<string> container, IReadOnlyList<string> overrides)
    {
        var merged = container.ToList();
        foreach (var variable in overrides)
        {
            if (!variable.Contains('=', StringComparison.Ordinal))
            {
                throw new RuntimeException($"--env {variable}: expected NAME=VALUE");
            }

            var name = variable[..(variable.IndexOf('=', StringComparison.Ordinal) + 1)];
            merged.RemoveAll(v => v.StartsWith(name, StringComparison.Ordinal));
            merged.Add(variable);
        }

        return merged;
    }

    /// <summary>UID[:GID], numeric as runc takes it.</summary>
    public static SpecUser ParseUser(string value)
    {
        var parts = value.Split(':');
        uint gid = 0;
        return parts.Length <= 2
            && uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
            && (parts.Length == 1 || uint.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out gid))
            ? new SpecUser { Uid = uid, Gid = gid }
            : throw new RuntimeException($"--user {value}: expected UID[:GID] as numbers");
    }
}
