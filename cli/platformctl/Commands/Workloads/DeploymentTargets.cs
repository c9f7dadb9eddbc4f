using Platform.Cli.Resources;

namespace Platform.Cli.Commands.Workloads;

/// <summary>
/// The Deployments a scale or rollout command line names: "deployment NAME...", "deploy/NAME", or the
/// documents of -f FILE. Other kinds are refused by name, before any request, as kubectl does.
/// </summary>
internal static class DeploymentTargets
{
    public static async Task<IReadOnlyList<ManifestTarget>> ResolveAsync(
        CliContext context, string verb, string? type, IReadOnlyList<string>? names, string? file, CancellationToken cancellationToken)
    {
        if (file is not null)
        {
            if (type is not null)
            {
                throw new CliException("name the objects either with -f or as TYPE NAME, not both");
            }

            var documents = await ManifestSource.ReadAsync(file, context.Host.In, cancellationToken);
            return documents.Select(d => Check(verb, ManifestTarget.Of(d.Content, context.Namespace))).ToList();
        }

        return FromArguments(verb, type, names, context.Namespace);
    }

    /// <summary>The targets of "TYPE NAME..." or "TYPE/NAME"; pure, so it is checked without a server.</summary>
    public static IReadOnlyList<ManifestTarget> FromArguments(string verb, string? type, IReadOnlyList<string>? names, string @namespace)
    {
        if (type is null)
        {
            throw new CliException($"you must provide one or more resources by argument or filename (usage: platformctl {verb} deployment NAME, or -f FILE)");
        }

        var selection = ResourceReference.ParseMany(type, names);
        if (selection.Names.Count == 0)
        {
            throw new CliException($"resource name may not be empty (usage: platformctl {verb} {selection.Kind.Singular} NAME)");
        }

        return selection.Names.Select(name => Check(verb, new ManifestTarget(selection.Kind, @namespace, name))).ToList();
    }

    private static ManifestTarget Check(string verb, ManifestTarget target) =>
        target.Kind == ResourceKinds.Deployment
            ? target
            : throw new CliException($"cannot {verb} {target.Display}: only deployments are supported (deployment NAME or deploy/NAME)");
}
