using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Platform.Cli.Resources;

namespace Platform.Cli.Commands.Rollout;

/// <summary>
/// `rollout restart deployment/NAME`: stamps the pod template with kubectl's restartedAt annotation, so the
/// template changes and the Deployment replaces every pod by its strategy.
/// </summary>
internal static class RolloutRestartCommand
{
    public const string RestartedAtAnnotation = "kubectl.kubernetes.io/restartedAt";
    private const string StrategicMergePatch = "application/strategic-merge-patch+json";

    public static Command Create(CommandRunner runner)
    {
        var targets = new RolloutCommand.Targets();
        var command = new Command("restart", "Replace every pod of a deployment by a rollout");
        targets.AddTo(command);
        Examples.Add(command, ("Restart the pods of the deployment web, a few at a time", "platformctl rollout restart deployment/web"));
        runner.Attach(command, async (context, cancellationToken) =>
        {
            foreach (var target in await targets.ResolveAsync(context, "rollout restart", cancellationToken))
            {
                var path = ResourcePaths.Item(target.Kind, target.Namespace, target.Name);
                var deployment = await context.Api.GetAsync(path, cancellationToken);
                if (deployment["spec"]?["paused"]?.GetValue<bool>() == true)
                {
                    throw new CliException($"can't restart paused deployment {target.Display} (run rollout resume first)");
                }

                await context.Api.PatchAsync(path, Patch(context.Now), StrategicMergePatch, cancellationToken);
                await context.Out.WriteLineAsync($"{target.Display} restarted".AsMemory(), cancellationToken);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>{"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-01-02T03:04:05Z"}}}}}.</summary>
    public static JsonObject Patch(DateTimeOffset now) => new()
    {
        ["spec"] = new JsonObject
        {
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject
                {
                    ["annotations"] = new JsonObject
                    {
                        [RestartedAtAnnotation] = now.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                    },
                },
            },
        },
    };
}
