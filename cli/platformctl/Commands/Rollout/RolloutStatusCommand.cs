using System.CommandLine;
using Platform.Api.Model;
using Platform.Cli.Resources;
using Platform.Cli.Watching;

namespace Platform.Cli.Commands.Rollout;

/// <summary>
/// `rollout status deployment/NAME [--timeout D] [--watch=false]`: prints kubectl's progress lines as the
/// Deployment's status changes (watched, not polled) until the rollout is complete. Exit code 1 when
/// the progress deadline passed, the timeout ran out, or the Deployment was deleted.
/// </summary>
internal static class RolloutStatusCommand
{
    public static Command Create(CommandRunner runner)
    {
        var targets = new RolloutCommand.Targets();
        var timeout = new Option<string?>("--timeout") { Description = "How long to wait before giving up (e.g. 5m; 0 waits forever)", HelpName = "DURATION" };
        var watch = new Option<bool>("--watch", "-w") { Description = "Wait until the rollout is complete; --watch=false prints the status once", DefaultValueFactory = _ => true };
        var command = new Command("status", "Show a deployment's rollout status and wait until it is complete") { timeout, watch };
        targets.AddTo(command);
        Examples.Add(command,
            ("Wait until the deployment web has rolled out", "platformctl rollout status deployment/web"),
            ("Give up after two minutes (exit code 1)", "platformctl rollout status deploy/web --timeout 2m"));
        runner.Attach(command, async (context, cancellationToken) =>
        {
            var text = context.Get(timeout);
            var limit = text is null ? TimeSpan.Zero : Durations.Parse(text, "--timeout");
            var resolved = await targets.ResolveAsync(context, "rollout status", cancellationToken);
            if (resolved.Count != 1)
            {
                throw new CliException("rollout status takes exactly one deployment");
            }

            return await RunAsync(context, resolved[0], (limit, text ?? "0"), context.Get(watch), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, ManifestTarget target, (TimeSpan Value, string Text) limit, bool watch, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (limit.Value > TimeSpan.Zero)
        {
            deadline.CancelAfter(limit.Value);
        }

        var follower = new Follower(context);
        try
        {
            var current = await context.Resources.GetAsync(target.Kind, target.Namespace, target.Name, deadline.Token);
            if (await follower.ShowAsync(current, deadline.Token) || !watch)
            {
                return ExitCodes.Success;
            }

            var watcher = new ResourceWatcher(context.Api, new WatchTarget(target.Kind, target.Namespace, false, null, "metadata.name=" + target.Name));
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
            await watcher.RunAsync(ApiObjects.ResourceVersion(current) ?? "0", new WatchedObjects(), async (change, token) =>
            {
                if (change.Type == WatchEvent.Deleted)
                {
                    throw new CliException($"deployment \"{target.Name}\" was deleted while its rollout was followed");
                }

                if (await follower.ShowAsync(change.Object, token))
                {
                    await stop.CancelAsync();
                }
            }, stop.Token);
        }
        catch (OperationCanceledException) when (follower.Done)
        {
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"timed out waiting for the rollout of deployment \"{target.Name}\" to finish (--timeout {limit.Text})");
        }

        return ExitCodes.Success;
    }

    /// <summary>Prints each new progress line once; knows when the rollout is complete, fails when it cannot be.</summary>
    private sealed class Follower(CliContext context)
    {
        private string? last;

        public bool Done { get; private set; }

        public async Task<bool> ShowAsync(System.Text.Json.Nodes.JsonNode item, CancellationToken cancellationToken)
        {
            var progress = RolloutProgress.Of(ApiObjects.As<Deployment>(item));
            if (progress.Failed)
            {
                throw new CliException(progress.Message);
            }

            if (progress.Message != last)
            {
                last = progress.Message;
                await context.Out.WriteLineAsync(progress.Message.AsMemory(), cancellationToken);
                await context.Out.FlushAsync(cancellationToken);
            }

            Done = progress.Done;
            return Done;
        }
    }
}
