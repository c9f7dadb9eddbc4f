using System.CommandLine;
using Platform.Cli.Builds;

namespace Platform.Cli.Commands;

/// <summary>
/// `build -t NAME:TAG [-f Dockerfile] [--build-arg K=V] [--no-cache] [--target S] [-q] [--explain] DIR`:
/// sends the context (.dockerignore applied) to a node agent, which builds with the platform's runtime
/// and pushes to the image store; streams its steps and ends with the image digest.
/// </summary>
internal static class BuildCommand
{
    private const string ErrorPrefix = "ERROR: ";

    public static Command Create(CommandRunner runner)
    {
        var registry = new RegistryOption(recursive: false);
        var directory = new Argument<string>("context") { Description = "The build context directory" };
        var tag = new Option<string>("--tag", "-t") { Description = "NAME[:TAG] of the image", Required = true };
        var file = new Option<string?>("--file", "-f") { Description = "The Dockerfile (default: DIR/Dockerfile)" };
        var buildArgs = new Option<string[]>("--build-arg") { Description = "A build argument K=V (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var noCache = new Option<bool>("--no-cache") { Description = "Run every step, using no cached layer" };
        var target = new Option<string?>("--target") { Description = "Build up to this stage" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the image digest" };
        var explain = new Option<bool>("--explain") { Description = "Say why the first step that missed the cache missed" };
        var agent = new Option<string?>("--node-agent") { Description = "Build on this node agent (URL) instead of a Ready node the gateway lists" };
        var command = new Command("build", "Build an image from a Dockerfile on a node and push it to the image store; prints its digest")
        {
            directory, tag, file, buildArgs, noCache, target, quiet, explain, agent, registry.Option,
        };
        Examples.Add(command,
            ("Build ./app and push it as app:1", "platformctl build -t app:1 ./app"),
            ("Print only the digest, with a build argument", "platformctl build -q -t app:1 --build-arg VERSION=2 ./app"),
            ("Say why the first step missed the cache", "platformctl build --explain -t app:1 ./app"));
        runner.Attach(command, (context, cancellationToken) => RunAsync(context, new BuildOptions(
            context.Get(directory)!, registry.ParseReference(context, context.Get(tag)!).ToString(), context.Get(file), context.Get(buildArgs) ?? [],
            context.Get(noCache), context.Get(target), context.Get(quiet), context.Get(explain), context.Get(agent)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, BuildOptions options, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(options.Directory))
        {
            throw new CliException($"the build context \"{options.Directory}\" is not a directory");
        }

        var dockerfile = options.File ?? Path.Combine(options.Directory, "Dockerfile");
        if (!File.Exists(dockerfile))
        {
            throw new CliException($"the Dockerfile \"{dockerfile}\" does not exist");
        }

        var badArg = options.BuildArgs.FirstOrDefault(a => a.IndexOf('=') <= 0);
        if (badArg is not null)
        {
            throw new CliException($"--build-arg \"{badArg}\" must be K=V");
        }

        var agent = await BuildNodePicker.PickAsync(context.Api, options.Agent, cancellationToken);
        using var http = new HttpClient(context.Host.CreateHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(agent, "/builds" + Query(options)))
        {
            Content = new ContextContent(options.Directory, dockerfile),
        };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return await PrintAsync(context, response, options.Quiet, cancellationToken);
    }

    private static async Task<int> PrintAsync(CliContext context, HttpResponseMessage response, bool quiet, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var errors = new List<string>();
        string? last = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith(ErrorPrefix, StringComparison.Ordinal))
            {
                errors.Add(line[ErrorPrefix.Length..]);
                continue;
            }

            last = line;
            if (!quiet)
            {
                await context.Out.WriteLineAsync(line.AsMemory(), cancellationToken);
            }
        }

        if (errors.Count > 0 || !response.IsSuccessStatusCode || last is null || !last.StartsWith("sha256:", StringComparison.Ordinal))
        {
            var message = errors.Count > 0 ? errors : [$"the build ended without an image digest (HTTP {(int)response.StatusCode})"];
            await context.Error.WriteLineAsync(("error: " + string.Join(Environment.NewLine, message)).AsMemory(), cancellationToken);
            return ExitCodes.Failure;
        }

        if (quiet)
        {
            await context.Out.WriteLineAsync(last.AsMemory(), cancellationToken);
        }

        return ExitCodes.Success;
    }

    private static string Query(BuildOptions options)
    {
        var parts = new List<string> { "t=" + Uri.EscapeDataString(options.Tag) };
        parts.AddRange(options.BuildArgs.Select(a => "buildarg=" + Uri.EscapeDataString(a)));
        if (options.NoCache)
        {
            parts.Add("nocache=true");
        }

        if (options.Explain)
        {
            parts.Add("explain=true");
        }

        if (options.Target is not null)
        {
            parts.Add("target=" + Uri.EscapeDataString(options.Target));
        }

        return "?" + string.Join('&', parts);
    }

    private sealed record BuildOptions(
        string Directory, string Tag, string? File, string[] BuildArgs, bool NoCache, string? Target, bool Quiet, bool Explain, string? Agent);
}
