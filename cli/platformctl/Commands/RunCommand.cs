using System.CommandLine;
using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Cli.Output;
using Platform.Cli.Resources;

namespace Platform.Cli.Commands;

/// <summary>
/// `run NAME --image IMG [--restart Never] [--env K=V]... [--labels k=v,...] [--command] [-i] [-t] [--rm] [-- ARGS...]`:
/// creates a one-container pod, as kubectl run does. The words after -- are the container's args,
/// or with --command its command. --dry-run=client prints the pod instead of creating it. With -i the
/// words are run attached to this terminal (<see cref="RunSession"/>), and --rm deletes the pod afterwards.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CommandRunner runner)
    {
        var name = new Argument<string>("name") { Description = "The pod's name", HelpName = "NAME" };
        var words = new Argument<string[]>("args") { Description = "Arguments of the container (its command with --command)", Arity = ArgumentArity.ZeroOrMore, HelpName = "ARGS" };
        var image = new Option<string>("--image") { Description = "The image to run", Required = true };
        var restart = new Option<string>("--restart") { Description = "The pod's restart policy: Always, OnFailure or Never", DefaultValueFactory = _ => RestartPolicies.Always };
        restart.AcceptOnlyFromAmong([.. RestartPolicies.All]);
        var env = new Option<string[]>("--env") { Description = "An environment variable KEY=VALUE (repeatable)", AllowMultipleArgumentsPerToken = false };
        var labels = new Option<string?>("--labels", "-l") { Description = "Labels key=value[,key=value] (default: run=NAME)" };
        var asCommand = new Option<bool>("--command") { Description = "The words after -- are the command, not the args of the image's entrypoint" };
        var dryRun = new Option<string?>("--dry-run") { Description = "\"client\": print the pod as YAML instead of creating it" };
        dryRun.AcceptOnlyFromAmong("client", "none");
        var stdin = new Option<bool>("--stdin", "-i") { Description = "Run the command attached to this terminal's standard input and output; its exit code is platformctl's" };
        var tty = new Option<bool>("--tty", "-t") { Description = "Give the attached command a terminal (with -i)" };
        var remove = new Option<bool>("--rm") { Description = "Delete the pod when the attached command ends (with -i)" };
        var runningTimeout = new Option<string>("--pod-running-timeout") { Description = "How long to wait for the pod to run before attaching, e.g. 1m, 30s", DefaultValueFactory = _ => "1m" };
        var command = new Command("run", "Run a pod with one container from an image") { name, words, image, restart, env, labels, asCommand, dryRun, stdin, tty, remove, runningTimeout };
        Examples.Add(command,
            ("A busybox pod that prints a line and ends", "platformctl run hello --image busybox --restart Never -- echo hello"),
            ("A long-running pod with an environment variable", "platformctl run web --image busybox --env GREETING=hi --command -- sh -c 'while true; do echo $GREETING; sleep 5; done'"),
            ("Print the pod instead of creating it", "platformctl run hello --image busybox --dry-run=client -- echo hi"),
            ("A shell in a new pod, removed when the shell exits", "platformctl run tmp --rm -it --image busybox --restart Never -- sh"),
            ("Pipe into a command in a new pod; its exit code is platformctl's", "echo hi | platformctl run tmp --rm -i --image busybox -- wc -c"));
        runner.Attach(command, async (context, cancellationToken) =>
        {
            var attach = new AttachRequest(context.Get(stdin), context.Get(tty), context.Get(remove));
            var timeout = attach.Stdin ? Durations.Parse(context.Get(runningTimeout)!, "--pod-running-timeout") : TimeSpan.Zero;
            var request = new RunRequest(
                context.Get(name)!, context.Get(image)!, context.Get(restart)!, context.Get(env) ?? [],
                context.Get(labels), context.Get(asCommand), context.Get(words) ?? [], attach);
            var pod = PodFor(request);
            if (context.Get(dryRun) == "client")
            {
                await context.Out.WriteAsync(YamlOutput.Render(pod).AsMemory(), cancellationToken);
                return ExitCodes.Success;
            }

            await context.Resources.CreateAsync(ResourceKinds.Pod, context.Namespace, pod, cancellationToken);
            if (attach.Stdin)
            {
                return await RunSession.RunAsync(context, request.Name, request.Words, attach.Tty, attach.Remove, timeout, cancellationToken);
            }

            await context.Out.WriteLineAsync($"pod/{context.Get(name)} created".AsMemory(), cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    internal sealed record RunRequest(
        string Name, string Image, string RestartPolicy, IReadOnlyList<string> Env, string? Labels, bool AsCommand, IReadOnlyList<string> Words, AttachRequest? Attach = null);

    /// <summary>-i, -t and --rm: whether the words run attached to this terminal, on a terminal, and the pod goes afterwards.</summary>
    internal sealed record AttachRequest(bool Stdin, bool Tty, bool Remove);

    /// <summary>The pod kubectl run would create: label run=NAME, one container named after the pod.</summary>
    internal static JsonObject PodFor(RunRequest request)
    {
        var container = new JsonObject { ["name"] = request.Name, ["image"] = request.Image };
        if (request.Attach is { } attach)
        {
            Validate(attach, request.Words);
        }

        if (request.Attach?.Stdin == true)
        {
            // The words are exec'd in the pod once it runs; its own process only waits (RunSession).
            container["command"] = new JsonArray([.. RunSession.Holder.Select(w => JsonValue.Create(w))]);
        }
        else if (request.Words.Count > 0)
        {
            container[request.AsCommand ? "command" : "args"] = new JsonArray([.. request.Words.Select(w => JsonValue.Create(w))]);
        }
        else if (request.AsCommand)
        {
            throw new CliException("--command needs the command after --, e.g. -- sh -c 'echo hi'");
        }

        if (request.Env.Count > 0)
        {
            container["env"] = new JsonArray([.. request.Env.Select(EnvVariable)]);
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = Pod.KindName,
            ["metadata"] = new JsonObject { ["name"] = request.Name, ["labels"] = Labels(request) },
            ["spec"] = new JsonObject
            {
                ["containers"] = new JsonArray(container),
                ["restartPolicy"] = request.RestartPolicy,
            },
        };
    }

    /// <summary>kubectl's rules for -i, -t and --rm, plus the command an exec-based session needs.</summary>
    private static void Validate(AttachRequest attach, IReadOnlyList<string> words)
    {
        if (attach.Tty && !attach.Stdin)
        {
            throw new CliException("-i/--stdin is required for containers with -t/--tty=true");
        }

        if (attach.Remove && !attach.Stdin)
        {
            throw new CliException("--rm should only be used for attached containers");
        }

        if (attach.Stdin && words.Count == 0)
        {
            throw new CliException("run -i needs the command to run after --, e.g. -- sh (the session execs it in the pod)");
        }
    }

    private static JsonObject EnvVariable(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals > 0
            ? new JsonObject { ["name"] = text[..equals], ["value"] = text[(equals + 1)..] }
            : throw new CliException($"invalid env: \"{text}\": expected KEY=VALUE");
    }

    private static JsonObject Labels(RunRequest request)
    {
        var labels = new JsonObject();
        if (request.Labels is null)
        {
            labels["run"] = request.Name;
            return labels;
        }

        foreach (var pair in request.Labels.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CliException($"invalid label spec: \"{pair}\": expected key=value");
            }

            labels[pair[..equals]] = pair[(equals + 1)..];
        }

        return labels;
    }
}
