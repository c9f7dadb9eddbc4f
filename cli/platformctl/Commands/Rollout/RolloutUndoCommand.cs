using System.CommandLine;
using Platform.Cli.Resources;

namespace Platform.Cli.Commands.Rollout;

/// <summary>
/// `rollout undo deployment/NAME [--to-revision N]`: puts the pod template of an earlier revision (the
/// previous one by default) back on the Deployment with kubectl's JSON patch; the controller then rolls
/// out to that ReplicaSet, which becomes the newest revision.
/// </summary>
internal static class RolloutUndoCommand
{
    private const string JsonPatch = "application/json-patch+json";

    public static Command Create(CommandRunner runner)
    {
        var targets = new RolloutCommand.Targets();
        var toRevision = new Option<long>("--to-revision") { Description = "The revision to go back to (default: the previous one)", HelpName = "N" };
        var command = new Command("undo", "Roll a deployment back to an earlier revision") { toRevision };
        targets.AddTo(command);
        Examples.Add(command,
            ("Back to the previous revision", "platformctl rollout undo deployment/web"),
            ("Back to revision 1", "platformctl rollout undo deploy/web --to-revision 1"));
        runner.Attach(command, async (context, cancellationToken) =>
        {
            var wanted = context.Get(toRevision);
            if (wanted < 0)
            {
                throw new CliException("--to-revision must be 0 (the previous revision) or more");
            }

            foreach (var target in await targets.ResolveAsync(context, "rollout undo", cancellationToken))
            {
                var line = await UndoAsync(context, target, wanted, cancellationToken);
                await context.Out.WriteLineAsync(line.AsMemory(), cancellationToken);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<string> UndoAsync(CliContext context, ManifestTarget target, long wanted, CancellationToken cancellationToken)
    {
        var (deployment, revisions) = await RolloutHistoryCommand.ReadAsync(context, target, cancellationToken);
        if (deployment["spec"]?["paused"]?.GetValue<bool>() == true)
        {
            throw new CliException($"you cannot rollback a paused deployment ({target.Display}); resume it first with 'platformctl rollout resume {target.Display}' and try again");
        }

        var revision = Choose(revisions.Keys, wanted, target);
        var set = revisions[revision];
        if (RollbackPatch.Matches(deployment, set))
        {
            return $"{target.Display} skipped rollback (current template already matches revision {revision})";
        }

        await context.Api.PatchAsync(ResourcePaths.Item(target.Kind, target.Namespace, target.Name), RollbackPatch.Create(deployment, set), JsonPatch, cancellationToken);
        return $"{target.Display} rolled back";
    }

    /// <summary>The revision to go back to: the one asked for, or the newest but one (kubectl's rule).</summary>
    public static long Choose(IReadOnlyCollection<long> revisions, long wanted, ManifestTarget target)
    {
        if (wanted > 0)
        {
            return revisions.Contains(wanted)
                ? wanted
                : throw new CliException($"unable to find specified revision {wanted} in history of {target.Display}");
        }

        var ordered = revisions.OrderDescending().ToList();
        return ordered.Count >= 2
            ? ordered[1]
            : throw new CliException($"no rollout history found for {target.Display}: it has no previous revision");
    }
}
