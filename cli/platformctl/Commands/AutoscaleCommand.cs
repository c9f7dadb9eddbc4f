using System.CommandLine;
using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Cli.Resources;

namespace Platform.Cli.Commands;

/// <summary>
/// `autoscale deployment NAME --max M [--min N] [--cpu-percent P] [--name HPA]`: creates a HorizontalPodAutoscaler for
/// the Deployment, as kubectl autoscale does (the server fills minReplicas 1 and cpu 80 % when they are left out).
/// </summary>
internal static class AutoscaleCommand
{
    public static Command Create(CommandRunner runner)
    {
        var type = ResourceArguments.Type("The kind to autoscale (deployment), or TYPE/NAME");
        var names = ResourceArguments.Names("The Deployment to autoscale");
        var min = new Option<int>("--min") { Description = "The lower limit of replicas (default: 1, set by the server)", DefaultValueFactory = _ => -1 };
        var max = new Option<int>("--max") { Description = "The upper limit of replicas", Required = true };
        var cpu = new Option<int>("--cpu-percent") { Description = "The target average CPU use, in percent of the pods' requests (default: 80, set by the server)", DefaultValueFactory = _ => -1 };
        var name = new Option<string?>("--name") { Description = "The autoscaler's name (default: the Deployment's)" };
        var command = new Command("autoscale", "Create an autoscaler that sets a Deployment's replicas from its pods' CPU use") { type, names, min, max, cpu, name };
        Examples.Add(command,
            ("Between 2 and 10 replicas, at the default 80 % CPU", "platformctl autoscale deployment web --min 2 --max 10"),
            ("Between 1 and 4 replicas, at 50 % of the CPU requested", "platformctl autoscale deployment/web --max 4 --cpu-percent 50"));
        runner.Attach(command, async (context, cancellationToken) =>
        {
            var selection = ResourceReference.ParseMany(context.Get(type)!, context.Get(names));
            var request = new AutoscaleRequest(Target(selection), context.Get(min), context.Get(max), context.Get(cpu), context.Get(name));
            var body = AutoscalerFor(request);
            await context.Resources.GetAsync(ResourceKinds.Deployment, context.Namespace, request.Deployment, cancellationToken);
            await context.Resources.CreateAsync(ResourceKinds.HorizontalPodAutoscaler, context.Namespace, body, cancellationToken);
            await context.Out.WriteLineAsync($"horizontalpodautoscaler.autoscaling/{request.Name ?? request.Deployment} autoscaled".AsMemory(), cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    internal sealed record AutoscaleRequest(string Deployment, int Min, int Max, int CpuPercent, string? Name);

    /// <summary>The autoscaling/v2 object kubectl autoscale sends: a cpu Utilization metric only when a percentage is given.</summary>
    internal static JsonObject AutoscalerFor(AutoscaleRequest request)
    {
        if (request.Max < 1)
        {
            throw new CliException($"--max=MAXPODS is required and must be at least 1, max: {request.Max}");
        }

        if (request.Min > request.Max)
        {
            throw new CliException($"--max=MAXPODS must be larger or equal to --min=MINPODS, max: {request.Max}, min: {request.Min}");
        }

        var spec = new JsonObject
        {
            ["scaleTargetRef"] = new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = Deployment.KindName, ["name"] = request.Deployment },
            ["maxReplicas"] = request.Max,
        };
        if (request.Min > 0)
        {
            spec["minReplicas"] = request.Min;
        }

        if (request.CpuPercent >= 0)
        {
            spec["metrics"] = new JsonArray(new JsonObject
            {
                ["type"] = HpaNames.ResourceMetric,
                ["resource"] = new JsonObject
                {
                    ["name"] = ResourceNames.Cpu,
                    ["target"] = new JsonObject { ["type"] = HpaNames.Utilization, ["averageUtilization"] = request.CpuPercent },
                },
            });
        }

        return new JsonObject
        {
            ["apiVersion"] = "autoscaling/v2",
            ["kind"] = HorizontalPodAutoscaler.KindName,
            ["metadata"] = new JsonObject { ["name"] = request.Name ?? request.Deployment },
            ["spec"] = spec,
        };
    }

    private static string Target(ResourceSelection selection)
    {
        if (selection.Kind != ResourceKinds.Deployment)
        {
            throw new CliException($"cannot autoscale a {selection.Kind.Kind}: only deployments can be autoscaled");
        }

        return selection.Names.Count == 1
            ? selection.Names[0]
            : throw new CliException("autoscale takes exactly one deployment, e.g. platformctl autoscale deployment web --max 4");
    }
}
