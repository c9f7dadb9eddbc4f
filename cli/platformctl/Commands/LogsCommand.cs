using System.CommandLine;
using System.Text;
using Platform.Cli.Client;
using Platform.Cli.Output;
using Platform.Cli.Resources;

namespace Platform.Cli.Commands;

/// <summary>
/// `logs POD [-c CONTAINER] [-f] [--tail N] [--since 5m] [--timestamps]`: copies the pod's log stream
/// to stdout as it arrives. The server serves tailLines and timestamps; --since is applied here, on
/// the timestamp the server puts before each line.
/// </summary>
internal static class LogsCommand
{
    private const int BufferSize = 8192;

    public static Command Create(CommandRunner runner)
    {
        var pod = new Argument<string>("pod") { Description = "The pod (NAME or pod/NAME)", HelpName = "POD" };
        var container = new Option<string?>("--container", "-c") { Description = "The container; needed when the pod has several" };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep streaming new output until interrupted" };
        var tail = new Option<int?>("--tail") { Description = "Only the last N lines" };
        var since = new Option<string?>("--since") { Description = "Only lines newer than this duration, e.g. 30s, 5m, 1h" };
        var timestamps = new Option<bool>("--timestamps") { Description = "Begin each line with its RFC 3339 timestamp" };
        var command = new Command("logs", "Print the logs of a container in a pod") { pod, container, follow, tail, since, timestamps };
        Examples.Add(command,
            ("Everything the pod's container printed", "platformctl logs hello"),
            ("The last 20 lines of the last five minutes, then follow", "platformctl logs web --tail 20 --since 5m -f"),
            ("One container of a pod with several", "platformctl logs web -c sidecar"));
        runner.Attach(command, (context, cancellationToken) =>
        {
            var window = context.Get(since) is { } text ? Durations.Parse(text, "--since") : (TimeSpan?)null;
            if (context.Get(tail) is < 0)
            {
                throw new CliException("--tail must be 0 or more");
            }

            var query = new LogQuery(context.Get(container), context.Get(follow), context.Get(tail), context.Get(timestamps) || window is not null);
            var path = ApiPaths.PodLog(context.Namespace, PodName(context.Get(pod)!), query);
            var filter = window is { } w ? new SinceFilter(context.Now - w, context.Get(timestamps)) : null;
            return StreamAsync(context, path, filter, cancellationToken);
        });
        return command;
    }

    private static string PodName(string text)
    {
        var reference = ResourceReference.Parse(text.Contains('/', StringComparison.Ordinal) ? text : "pod/" + text, null);
        return reference.Kind == ResourceKinds.Pod
            ? reference.Name!
            : throw new CliException($"logs are only available for pods, not \"{text}\"");
    }

    private static async Task<int> StreamAsync(CliContext context, string path, SinceFilter? filter, CancellationToken cancellationToken)
    {
        using var response = await context.Api.OpenStreamAsync(path, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        try
        {
            await (filter is null
                ? CopyAsync(reader, context.Out, cancellationToken)
                : CopyNewerAsync(reader, context.Out, filter, cancellationToken));
        }
        catch (IOException e)
        {
            throw new CliException($"the log stream was interrupted: {e.Message}");
        }

        return ExitCodes.Success;
    }

    private static async Task CopyAsync(TextReader reader, TextWriter writer, CancellationToken cancellationToken)
    {
        var buffer = new char[BufferSize];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            await writer.FlushAsync(cancellationToken);
        }
    }

    private static async Task CopyNewerAsync(TextReader reader, TextWriter writer, SinceFilter filter, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (filter.Select(line) is { } shown)
            {
                await writer.WriteAsync((shown + "\n").AsMemory(), cancellationToken);
                await writer.FlushAsync(cancellationToken);
            }
        }
    }

    /// <summary>Keeps lines whose leading timestamp is at or after the cut-off; strips the timestamp unless it was asked for.</summary>
    internal sealed record SinceFilter(DateTimeOffset Since, bool KeepTimestamps)
    {
        public string? Select(string line)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var stamp = space < 0 ? null : Timestamps.Parse(line[..space]);
            if (stamp is not { } time || time < Since)
            {
                return null;
            }

            return KeepTimestamps ? line : line[(space + 1)..];
        }
    }
}
