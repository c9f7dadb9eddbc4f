using System.Globalization;
using System.Text.Json;
using Platform.Runtime;
using Platform.Runtime.Lifecycle;
using Platform.Runtime.Spec;
using Platform.Runtime.State;

namespace Platform.RuntimeCli;

/// <summary>The verbs of runc that the platform needs: run, create, start, state, kill, delete, list, spec.</summary>
public static class RuntimeCommand
{
    private const string Usage = """
        usage: platform-runtime [--root DIR] COMMAND [OPTIONS] ID

          run     [--bundle DIR] [--pid-file F] ID   create and start a container, wait, exit with its code
          run     --log-file F --exit-file F [--bundle DIR] ID
                                                     the same as a detached shim: own session, CRI log, exit code in a file
          create  [--bundle DIR] [--pid-file F] ID   create a container that waits for start
          start   ID                                 start a created container
          state   ID                                 print the container's state as JSON
          kill    ID [SIGNAL]                        send a signal (default SIGTERM)
          delete  [--force] ID                       remove a stopped container (--force kills it first)
          exec    [--tty] [--env K=V] [--cwd DIR] [--user UID[:GID]] [--process FILE] [--console PTY] ID -- CMD ARGS...
                                                     run a command in a running container, exit with its code
          list    [-q]                               list containers
          spec                                       write a default config.json into the current directory
        """;

    public static int Run(string[] args)
    {
        var line = CommandLine.Parse(args);
        var store = new StateStore(line.Value("--root") ?? StateStore.DefaultRoot);
        var bundle = line.Value("--bundle", "-b") ?? Directory.GetCurrentDirectory();
        switch (line.Verb)
        {
            case "run" when line.Value("--exit-file") is { } exitFile:
                return ContainerShim.Run(store, line.Id(), bundle, line.Value("--log-file") ?? throw new RuntimeException("run: --exit-file needs --log-file"), exitFile);
            case "run":
                return ContainerRun.Run(store, line.Id(), bundle, pid => WritePidFile(line, pid));
            case "create":
                WritePidFile(line, ContainerCreate.Create(store, line.Id(), bundle, startAtOnce: false).State.Pid);
                return 0;
            case "start":
                ContainerStart.Start(store, line.Id());
                return 0;
            case "state":
                Console.WriteLine(JsonSerializer.Serialize(ContainerQuery.State(store, line.Id()), RuntimeJson.Default.ContainerState));
                return 0;
            case "kill":
                ContainerKill.Kill(store, line.Id(), line.Positional.Count > 1 ? line.Positional[1] : "TERM");
                return 0;
            case "delete":
                ContainerDelete.Delete(store, line.Id(), line.Has("--force", "-f"));
                return 0;
            case "exec":
                return ExecVerb.Run(store, line);
            case "list":
                PrintList(ContainerQuery.List(store), line.Has("-q", "--quiet"));
                return 0;
            case "spec":
                File.WriteAllText(Path.Combine(bundle, "config.json"), JsonSerializer.Serialize(DefaultSpec.Create(["sh"]), RuntimeJson.Default.RuntimeSpec));
                return 0;
            case "" or "help" or "--help":
                Console.WriteLine(Usage);
                return line.Verb.Length == 0 ? 2 : 0;
            default:
                throw new RuntimeException($"unknown command \"{line.Verb}\"; see platform-runtime help");
        }
    }

    private static void WritePidFile(CommandLine line, int pid)
    {
        if (line.Value("--pid-file") is { } file)
        {
            File.WriteAllText(file, pid.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void PrintList(IReadOnlyList<ContainerState> containers, bool quiet)
    {
        if (quiet)
        {
            containers.ToList().ForEach(c => Console.WriteLine(c.Id));
            return;
        }

        Console.WriteLine($"{"ID",-24} {"PID",-8} {"STATUS",-10} {"BUNDLE",-40} CREATED");
        foreach (var c in containers)
        {
            Console.WriteLine($"{c.Id,-24} {c.Pid,-8} {c.Status,-10} {c.Bundle,-40} {c.Created:O}");
        }
    }
}
