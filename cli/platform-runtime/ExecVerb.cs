using Platform.Runtime.Exec;
using Platform.Runtime.State;

namespace Platform.RuntimeCli;

/// <summary>`exec`: the command's exit code is the runtime's; a command that cannot be executed gives 126 or 127.</summary>
public static class ExecVerb
{
    public static int Run(StateStore store, CommandLine line)
    {
        var options = new ExecOptions(
            Args: line.Positional.Skip(1).ToList(),
            Env: line.Environment,
            Cwd: line.Value("--cwd"),
            User: line.Value("--user", "-u") is { } user ? ExecOptions.ParseUser(user) : null,
            Process: line.Value("--process", "-p") is { } file ? ContainerExec.ReadProcessFile(file) : null,
            Terminal: line.Has("--tty", "-t"),
            ConsolePath: line.Value("--console"));
        try
        {
            return ContainerExec.Exec(store, line.Id(), options);
        }
        catch (ExecFailedException e)
        {
            Console.Error.WriteLine($"platform-runtime: {e.Message}");
            return e.ExitCode;
        }
    }
}
