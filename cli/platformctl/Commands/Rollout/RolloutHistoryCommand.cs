using System.CommandLine;
using System.Text.Json.Nodes;
using Platform.Cli.Resources;

namespace Platform.Cli.Commands.Rollout;

/// <summary>`rollout history deployment/NAME [--revision N]`: the revisions (from the ReplicaSets' annotations), or one revision's pod template.</summary>
internal static class RolloutHistoryCommand
{
    public static Command Create(CommandRunner runner)
    {
        var targets = new RolloutCommand.Targets();
        var revision = new Option<long?>("--revision") { Description = "Show the pod template of this revision", HelpName = "N" };
        var command = new Command("history", "List a deployment's revisions and their change causes") { revision };
        targets.AddTo(command);
        Examples.Add(command,
            ("The revisions of the deployment web", "platformctl rollout history deployment/web"),
            ("The pod template of revision 2", "platformctl rollout history deploy/web --revision 2"));
        runner.Attach(command, async (context, cancellationToken) =>
        {
            var wanted = context.Get(revision);
            if (wanted is < 0)
            {
                throw new CliException("--revision must be a positive number");
            }

            foreach (var target in await targets.ResolveAsync(context, "rollout history", cancellationToken))
            {
                var (_, revisions) = await ReadAsync(context, target, cancellationToken);
                string text;
                if (wanted is > 0 and var number)
                {
                    text = revisions.TryGetValue(number, out var set)
                        ? RolloutHistory.Detail(target.Display, number, set)
                        : throw new CliException($"unable to find the specified revision {number} of {target.Display}");
                }
                else
                {
                    text = RolloutHistory.Table(target.Display, revisions);
                }

                await context.Out.WriteAsync(text.AsMemory(), cancellationToken);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The Deployment and its revisions: the ReplicaSets of its namespace it controls.</summary>
    public static async Task<(JsonNode Deployment, SortedDictionary<long, JsonNode> Revisions)> ReadAsync(
        CliContext context, ManifestTarget target, CancellationToken cancellationToken)
    {
        var deployment = await context.Resources.GetAsync(target.Kind, target.Namespace, target.Name, cancellationToken);
        var sets = await context.Resources.ListAsync(ResourceKinds.ReplicaSet, target.Namespace, false, cancellationToken);
        return (deployment, RolloutHistory.Revisions(deployment, ApiObjects.Items(sets)));
    }
}
