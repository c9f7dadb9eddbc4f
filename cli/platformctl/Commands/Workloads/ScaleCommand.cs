using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Platform.Cli.Resources;

namespace Platform.Cli.Commands.Workloads;

/// <summary>
/// `scale deployment NAME --replicas N [--current-replicas M]`, `scale deploy/NAME`, `scale -f FILE`:
/// sets the replicas through the Deployment's scale subresource (a merge patch of the autoscaling/v1
/// Scale, as kubectl sends it). --current-replicas is kubectl's precondition: the scale is read first
/// and nothing changes when it differs.
/// </summary>
internal static class ScaleCommand
{
    private const string MergePatch = "application/merge-patch+json";

    public static Command Create(CommandRunner runner)
    {
        var type = ResourceArguments.Type("deployment (or deploy/NAME)");
        type.Arity = ArgumentArity.ZeroOrOne;
        var names = ResourceArguments.Names("The deployments to scale");
        var replicas = new Option<int?>("--replicas") { Description = "The new number of replicas (0 or more)", HelpName = "COUNT" };
        var current = new Option<int?>("--current-replicas") { Description = "Scale only if the deployment now has this many replicas", HelpName = "COUNT" };
        var file = new Option<string?>("--filename", "-f") { Description = "Scale the deployments a manifest names", HelpName = "FILE" };
        var command = new Command("scale", "Set the number of replicas of a deployment") { type, names, replicas, current, file };
        Examples.Add(command,
            ("Run five replicas of the deployment web", "platformctl scale deployment web --replicas 5"),
            ("The same, naming it as kind/name", "platformctl scale deploy/web --replicas=5"),
            ("Only if it has three now", "platformctl scale deploy/web --current-replicas 3 --replicas 1"),
            ("Scale the deployment a manifest describes", "platformctl scale -f examples/web-deployment.yaml --replicas 2"));
        runner.Attach(command, async (context, cancellationToken) =>
        {
            var count = Replicas(context.Get(replicas));
            var precondition = context.Get(current);
            if (precondition is < 0)
            {
                throw new CliException("--current-replicas must be 0 or more");
            }

            var targets = await DeploymentTargets.ResolveAsync(context, "scale", context.Get(type), context.Get(names), context.Get(file), cancellationToken);
            foreach (var target in targets)
            {
                await ScaleAsync(context, target, count, precondition, cancellationToken);
                await context.Out.WriteLineAsync($"{target.Display} scaled".AsMemory(), cancellationToken);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The --replicas value, required and not negative (kubectl's message).</summary>
    public static int Replicas(int? value) =>
        value is >= 0 ? value.Value : throw new CliException("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");

    /// <summary>The scale subresource of a Deployment.</summary>
    public static string ScalePath(ManifestTarget target) => ResourcePaths.Item(target.Kind, target.Namespace, target.Name) + "/scale";

    /// <summary>kubectl's merge patch of the Scale: {"spec":{"replicas":N}}.</summary>
    public static JsonObject Patch(int replicas) => new() { ["spec"] = new JsonObject { ["replicas"] = replicas } };

    private static async Task ScaleAsync(CliContext context, ManifestTarget target, int replicas, int? precondition, CancellationToken cancellationToken)
    {
        var path = ScalePath(target);
        if (precondition is { } expected)
        {
            var scale = await ScaleOfAsync(context, target, cancellationToken);
            var actual = (int?)scale["spec"]?["replicas"] ?? 0;
            if (actual != expected)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture, $"Expected replicas to be {expected}, was {actual} ({target.Display} not scaled)"));
            }
        }

        await context.Api.PatchAsync(path, Patch(replicas), MergePatch, cancellationToken);
    }

    private static async Task<JsonNode> ScaleOfAsync(CliContext context, ManifestTarget target, CancellationToken cancellationToken) =>
        await context.Api.GetAsync(ScalePath(target), cancellationToken);
}
