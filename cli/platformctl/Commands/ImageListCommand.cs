using System.CommandLine;
using Platform.Cli.Images;
using Platform.Cli.Output;
using Platform.Oci.References;

namespace Platform.Cli.Commands;

/// <summary>`images` (and `image ls`): every repository and tag of the registry's catalog, with digest and size.</summary>
internal static class ImageListCommand
{
    public static Command Create(CommandRunner runner, RegistryOption registry, string name)
    {
        var command = new Command(name, "List the images in the platform's registry");
        Examples.Add(command, ("Every tag in the platform's registry with its digest and size", $"platformctl {(name == "ls" ? "image ls" : name)}"));
        runner.Attach(command, (context, cancellationToken) => RunAsync(context, registry, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, RegistryOption registry, CancellationToken cancellationToken)
    {
        var host = registry.Resolve(context).Host;
        using var session = registry.Open(context, host);
        var rows = new List<ImageRow>();
        var repositories = await session.CallAsync(session.Catalog.ListRepositoriesAsync, cancellationToken);
        foreach (var repository in repositories.Order(StringComparer.Ordinal))
        {
            var tags = await session.CallAsync(ct => session.Catalog.ListTagsAsync(repository, ct), cancellationToken);
            foreach (var tag in tags.Order(StringComparer.Ordinal))
            {
                var reference = new ImageReference { Registry = host, Repository = repository, Tag = tag };
                // A tag deleted between the listing and this request is simply not shown.
                if (await session.FindAsync(reference, cancellationToken) is { } image)
                {
                    rows.Add(new ImageRow(repository, tag, image.Digest, image.Size));
                }
            }
        }

        await context.Out.WriteAsync(ImageColumns.Table(rows).AsMemory(), cancellationToken);
        return ExitCodes.Success;
    }
}
