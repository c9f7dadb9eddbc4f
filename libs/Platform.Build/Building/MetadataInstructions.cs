using Platform.Build.Dockerfiles;
using Platform.Oci.Model;

namespace Platform.Build.Building;

/// <summary>
/// The instructions that change only the image config (ENV, LABEL, EXPOSE, USER, WORKDIR, VOLUME,
/// ENTRYPOINT, CMD, STOPSIGNAL, SHELL, HEALTHCHECK, MAINTAINER), with Docker's expansion rules.
/// Each returns the next state and the expanded instruction its cache key is made from.
/// </summary>
public static class MetadataInstructions
{
    public static bool Handles(string keyword) => keyword is "ENV" or "LABEL" or "EXPOSE" or "USER" or "WORKDIR" or "VOLUME"
        or "ENTRYPOINT" or "CMD" or "STOPSIGNAL" or "SHELL" or "HEALTHCHECK" or "MAINTAINER";

    public static (ImageState State, string Expanded) Apply(Instruction instruction, ImageState state, IReadOnlyDictionary<string, string> variables, char escape)
    {
        string Expand(string word) => Expanding(instruction, () => ShellWord.Expand(word, variables, escape));
        var config = state.Config;
        switch (instruction.Keyword)
        {
            case "ENV":
                var env = state.Environment();
                var order = (config.Env ?? []).Select(e => e.Split('=', 2)[0]).ToList();
                var pairs = new List<string>();
                foreach (var (key, raw) in KeyValueArguments.Parse(instruction, escape))
                {
                    // Every value sees the variables as they were before this instruction, as in Docker.
                    var value = Expand(raw);
                    var name = Expand(key);
                    if (!env.ContainsKey(name))
                    {
                        order.Add(name);
                    }

                    env[name] = value;
                    pairs.Add($"{name}={value}");
                }

                return (state with { Config = config with { Env = order.Select(n => $"{n}={env[n]}").ToList() } }, "ENV " + string.Join(' ', pairs));
            case "LABEL":
                var labels = new SortedDictionary<string, string>(config.Labels?.ToDictionary() ?? [], StringComparer.Ordinal);
                var labelPairs = new List<string>();
                foreach (var (key, raw) in KeyValueArguments.Parse(instruction, escape))
                {
                    labels[Expand(key)] = Expand(raw);
                    labelPairs.Add($"{Expand(key)}={Expand(raw)}");
                }

                return (state with { Config = config with { Labels = labels } }, "LABEL " + string.Join(' ', labelPairs));
            case "EXPOSE":
                var ports = new SortedDictionary<string, EmptyObject>(config.ExposedPorts?.ToDictionary() ?? [], StringComparer.Ordinal);
                foreach (var word in ShellWord.SplitWords(instruction.Arguments, escape).Select(Expand))
                {
                    ports[Port(instruction, word)] = new EmptyObject();
                }

                return (state with { Config = config with { ExposedPorts = ports } }, "EXPOSE " + string.Join(' ', ports.Keys));
            case "USER":
                var user = Expand(instruction.Arguments);
                return (state with { Config = config with { User = user } }, "USER " + user);
            case "WORKDIR":
                var directory = WorkingDirectory(config.WorkingDir, Expand(instruction.Arguments));
                return (state with { Config = config with { WorkingDir = directory } }, "WORKDIR " + directory);
            case "VOLUME":
                var volumes = new SortedDictionary<string, EmptyObject>(config.Volumes?.ToDictionary() ?? [], StringComparer.Ordinal);
                foreach (var path in (instruction.JsonArguments ?? ShellWord.SplitWords(instruction.Arguments, escape)).Select(Expand))
                {
                    volumes[path] = new EmptyObject();
                }

                return (state with { Config = config with { Volumes = volumes } }, "VOLUME " + string.Join(' ', volumes.Keys));
            case "ENTRYPOINT":
                var entrypoint = Command(instruction, state);
                // A new ENTRYPOINT drops the CMD inherited from before it, as in Docker.
                return (state with { Config = config with { Entrypoint = entrypoint, Cmd = null } }, "ENTRYPOINT " + Json(entrypoint));
            case "CMD":
                var cmd = Command(instruction, state);
                return (state with { Config = config with { Cmd = cmd } }, "CMD " + Json(cmd));
            case "STOPSIGNAL":
                var signal = Expand(instruction.Arguments);
                return (state with { Config = config with { StopSignal = signal } }, "STOPSIGNAL " + signal);
            case "SHELL":
                return (state with { Shell = instruction.JsonArguments! }, "SHELL " + Json(instruction.JsonArguments!));
            case "HEALTHCHECK":
                var health = HealthcheckArguments.Parse(instruction);
                var healthConfig = new HealthConfig
                {
                    Test = health.Test,
                    Interval = Nanoseconds(health.Interval),
                    Timeout = Nanoseconds(health.Timeout),
                    StartPeriod = Nanoseconds(health.StartPeriod),
                    StartInterval = Nanoseconds(health.StartInterval),
                    Retries = health.Retries,
                };
                return (state with { Config = config with { Healthcheck = healthConfig } }, "HEALTHCHECK " + instruction.Text[(instruction.Text.IndexOf(' ') + 1)..].Trim());
            case "MAINTAINER":
                return (state with { Author = instruction.Arguments }, "MAINTAINER " + instruction.Arguments);
            default:
                throw new InvalidOperationException($"{instruction.Keyword} is not a metadata instruction");
        }
    }

    /// <summary>The exec form as written, or the shell form run by the stage's SHELL.</summary>
    public static List<string> Command(Instruction instruction, ImageState state) =>
        instruction.JsonArguments?.ToList() ?? [.. state.Shell, instruction.Arguments];

    /// <summary>WORKDIR: a relative path continues the previous one.</summary>
    public static string WorkingDirectory(string? current, string path)
    {
        var combined = path.StartsWith('/') ? path : $"{(string.IsNullOrEmpty(current) ? "/" : current)}/{path}";
        var parts = new List<string>();
        foreach (var part in combined.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        return "/" + string.Join('/', parts);
    }

    private static string Port(Instruction instruction, string word)
    {
        var slash = word.IndexOf('/');
        var number = slash < 0 ? word : word[..slash];
        var protocol = slash < 0 ? "tcp" : word[(slash + 1)..].ToLowerInvariant();
        var valid = number.Length > 0 && number.Split('-').All(p => ushort.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            && protocol is "tcp" or "udp" or "sctp";
        return valid ? $"{number}/{protocol}" : throw new DockerfileException($"invalid port \"{word}\"", instruction.Line, instruction.ArgumentsColumn);
    }

    private static long? Nanoseconds(TimeSpan? value) => value is { } span ? span.Ticks * 100 : null;

    private static string Json(IReadOnlyList<string> items) => System.Text.Json.JsonSerializer.Serialize(items.ToList(), BuildJsonContext.Default.ListString);

    /// <summary>A bad substitution becomes an error on the instruction's line.</summary>
    public static string Expanding(Instruction instruction, Func<string> expand)
    {
        try
        {
            return expand();
        }
        catch (FormatException e)
        {
            throw new DockerfileException(e.Message, instruction.Line, instruction.ArgumentsColumn);
        }
    }
}
