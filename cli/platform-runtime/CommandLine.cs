namespace Platform.RuntimeCli;

/// <summary>runc's command-line shape: global flags, a verb, its flags, then positional arguments.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> flags = new(StringComparer.Ordinal);
    private readonly List<string> environment = [];
    private readonly List<string> positional = [];

    public string Verb { get; private set; } = "";

    public IReadOnlyList<string> Positional => positional;

    /// <summary>Every --env/-e K=V, in order (the flag may repeat).</summary>
    public IReadOnlyList<string> Environment => environment;

    /// <summary>Flags that take a value; every other flag is a switch.</summary>
    private static readonly string[] WithValue = ["--root", "--log", "--log-format", "--bundle", "-b", "--pid-file", "--console-socket", "--format", "-f", "--env", "-e", "--cwd", "--user", "-u", "--process", "-p", "--console", "--log-file", "--exit-file"];

    public static CommandLine Parse(string[] args)
    {
        var line = new CommandLine();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (line.EndOfFlags(arg))
            {
                line.positional.AddRange(args[(arg == "--" ? i + 1 : i)..]);
                break;
            }

            if (arg.StartsWith('-') && arg.Length > 1)
            {
                var (name, value) = arg.Contains('=') ? (arg[..arg.IndexOf('=')], arg[(arg.IndexOf('=') + 1)..]) : (arg, null);
                if (value is null && WithValue.Contains(name) && !(name == "-f" && line.Verb == "delete"))
                {
                    value = i + 1 < args.Length ? args[++i] : throw new Platform.Runtime.RuntimeException($"flag {name} needs a value");
                }

                line.flags[name] = value;
                if (name is "--env" or "-e")
                {
                    line.environment.Add(value!);
                }
            }
            else if (line.Verb.Length == 0)
            {
                line.Verb = arg;
            }
            else
            {
                line.positional.Add(arg);
            }
        }

        return line;
    }

    /// <summary>"--" ends the flags; so does exec's command after the id, as its own flags belong to it.</summary>
    private bool EndOfFlags(string arg) => arg == "--" || (Verb == "exec" && positional.Count == 1);

    public string? Value(params string[] names) => names.Select(n => flags.GetValueOrDefault(n)).FirstOrDefault(v => v is not null);

    public bool Has(params string[] names) => names.Any(flags.ContainsKey);

    public string Id() => positional.Count > 0 ? positional[0] : throw new Platform.Runtime.RuntimeException($"{Verb}: a container id is required");
}
