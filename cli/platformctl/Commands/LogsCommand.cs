using System.CommandLine;
using System.Text;
using Platform.Cli.Client;

namespace Platform.Cli.Commands;

/// <summary>`logs POD [-c CONTAINER] [-f]`: copies the pod's log stream to stdout as it arrives.</summary>
internal static class LogsCommand
{
    private const int BufferSize = 8192;

    public static Command Create(CommandRunner runner)
    {
        var pod = new Argument<string>("pod") { Description = "The pod (NAME or pod/NAME)" };
        var container = new Option<string?>("--container", "-c") { Description = "The container; needed when the pod has several" };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep streaming new output until interrupted" };
        var command = new Command("logs", "Print the logs of a container in a pod") { pod, container, follow };
        runner.Attach(command, (context, cancellationToken) =>
        {
            var name = PodName(context.Get(pod)!);
            var path = ApiPaths.PodLog(context.Namespace, name, context.Get(container), context.Get(follow));
            return StreamAsync(context, path, cancellationToken);
        });
        return command;
    }

    private static string PodName(string text)
    {
        var reference = ResourceReference.Parse(text.Contains('/', StringComparison.Ordinal) ? text : "pod/" + text, null);
        return reference.Kind == ResourceKind.Pod
            ? reference.Name!
            : throw new CliException($"logs are only available for pods, not \"{text}\"");
    }

    private static async Task<int> StreamAsync(CliContext context, string path, CancellationToken cancellationToken)
    {
        using var response = await context.Api.OpenStreamAsync(path, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        try
        {
            await CopyAsync(reader, context.Out, cancellationToken);
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
}
