using System.CommandLine;
using System.Text.Json.Nodes;
using Platform.Cli.Resources;

namespace Platform.Cli.Commands.Rollout;

/// <summary>`rollout pause|resume deployment/NAME`: sets spec.paused; a paused Deployment keeps its template changes for later.</summary>
internal static class RolloutPauseCommand
{
    private const string StrategicMergePatch = "application/strategic-merge-patch+json";

    public static Command Create(CommandRunner runner, bool pause)
    {
        var targets = new RolloutCommand.Targets();
        var verb = pause ? "pause" : "resume";
        var command = new Command(verb, pause
            ? "Stop rolling out a deployment's template changes until it is resumed"
            : "Roll out a paused deployment's template changes again");
        targets.AddTo(command);
        Examples.Add(command, pause
            ? ("Hold the deployment web while changing it several times", "platformctl rollout pause deployment/web")
            : ("Roll out what changed while it was paused", "platformctl rollout resume deployment/web"));
        runner.Attach(command, async (context, cancellationToken) =>
        {
            foreach (var target in await targets.ResolveAsync(context, $"rollout {verb}", cancellationToken))
            {
                var path = ResourcePaths.Item(target.Kind, target.Namespace, target.Name);
                var deployment = await context.Api.GetAsync(path, cancellationToken);
                var paused = deployment["spec"]?["paused"]?.GetValue<bool>() == true;
                if (paused == pause)
                {
                    throw new CliException($"deployments.apps \"{target.Name}\" is {(pause ? "already paused" : "not paused")}");
                }

                var patch = new JsonObject { ["spec"] = new JsonObject { ["paused"] = pause } };
                await context.Api.PatchAsync(path, patch, StrategicMergePatch, cancellationToken);
                await context.Out.WriteLineAsync($"{target.Display} {(pause ? "paused" : "resumed")}".AsMemory(), cancellationToken);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
