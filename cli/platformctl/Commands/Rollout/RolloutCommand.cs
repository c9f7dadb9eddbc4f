using System.CommandLine;
using Platform.Cli.Commands.Workloads;

namespace Platform.Cli.Commands.Rollout;

/// <summary>`rollout status|history|undo|restart|pause|resume deployment/NAME`: kubectl's rollout verbs for Deployments.</summary>
internal static class RolloutCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("rollout", "Follow, list, roll back, restart, pause or resume a deployment's rollouts")
        {
            RolloutStatusCommand.Create(runner),
            RolloutHistoryCommand.Create(runner),
            RolloutUndoCommand.Create(runner),
            RolloutRestartCommand.Create(runner),
            RolloutPauseCommand.Create(runner, pause: true),
            RolloutPauseCommand.Create(runner, pause: false),
        };
        Examples.Add(command,
            ("Wait until the deployment web runs its current template everywhere", "platformctl rollout status deployment/web"),
            ("Its revisions", "platformctl rollout history deploy/web"),
            ("Back to the previous revision", "platformctl rollout undo deployment/web"));
        return command;
    }

    /// <summary>The TYPE/NAME arguments and -f every rollout verb takes.</summary>
    internal sealed class Targets
    {
        public Argument<string?> Type { get; } = new("type") { Description = "deployment (or deployment/NAME)", HelpName = "TYPE", Arity = ArgumentArity.ZeroOrOne };

        public Argument<string[]> Names { get; } = ResourceArguments.Names("The deployments");

        public Option<string?> File { get; } = new("--filename", "-f") { Description = "The deployments a manifest names", HelpName = "FILE" };

        public void AddTo(Command command)
        {
            command.Add(Type);
            command.Add(Names);
            command.Add(File);
        }

        public Task<IReadOnlyList<ManifestTarget>> ResolveAsync(CliContext context, string verb, CancellationToken cancellationToken) =>
            DeploymentTargets.ResolveAsync(context, verb, context.Get(Type), context.Get(Names), context.Get(File), cancellationToken);
    }
}
