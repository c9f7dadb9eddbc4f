using System.CommandLine;
using System.Net;
using Platform.Cli.Images;
using Platform.Oci.References;
using Platform.Oci.Registry;

namespace Platform.Cli.Commands;

/// <summary>
/// `image rm NAME[:TAG]|NAME@DIGEST...`: deletes the image's manifest from the platform's registry
/// (a tag is resolved to its digest first); the registry removes every tag pointing to it, and its
/// garbage collection reclaims the blobs no other manifest uses. Prints what went, as docker rmi does.
/// </summary>
internal static class ImageRemoveCommand
{
    public static Command Create(CommandRunner runner, RegistryOption registry)
    {
        var references = new Argument<string[]>("reference")
        {
            Description = "NAME[:TAG] or NAME@DIGEST in the platform's registry",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("rm", "Delete images from the platform's registry (their tags with them)") { references };
        Examples.Add(command, ("Delete an image and every tag pointing to it", "platformctl image rm team/app:1"));
        runner.Attach(command, async (context, cancellationToken) =>
        {
            foreach (var text in context.Get(references)!)
            {
                await RemoveAsync(context, registry, text, cancellationToken);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task RemoveAsync(CliContext context, RegistryOption registry, string text, CancellationToken cancellationToken)
    {
        var reference = registry.ParseReference(context, text);
        if (!registry.IsPlatform(context, reference.Registry))
        {
            throw new CliException($"image rm deletes from the platform's registry at {registry.Resolve(context).Host}; \"{text}\" names {reference.Registry}");
        }

        using var session = registry.Open(context, reference.Registry);
        var digest = await FindDigestAsync(session, reference.Repository, reference.ManifestReference, cancellationToken)
            ?? throw NotFound(reference, session);
        var tags = await TagsOfAsync(session, reference.Repository, digest, cancellationToken);
        if (!await session.CallAsync(ct => session.Manifests.DeleteAsync(reference.Repository, digest, ct), cancellationToken))
        {
            throw NotFound(reference, session);
        }

        // The tag the user named first, then any other that pointed to the same manifest.
        var untagged = tags.OrderBy(tag => tag == reference.Tag ? 0 : 1).ThenBy(tag => tag, StringComparer.Ordinal);
        foreach (var tag in untagged)
        {
            await context.Out.WriteLineAsync($"Untagged: {reference.Repository}:{tag}".AsMemory(), cancellationToken);
        }

        await context.Out.WriteLineAsync($"Deleted: {digest}".AsMemory(), cancellationToken);
    }

    private static CliException NotFound(ImageReference reference, RegistrySession session) =>
        new($"image {reference.Repository}:{reference.ManifestReference} not found in the registry at {session.Host}");

    /// <summary>The digest of the manifest the tag or digest names; null when the registry has none.</summary>
    private static Task<Digest?> FindDigestAsync(RegistrySession session, string repository, string reference, CancellationToken cancellationToken) =>
        session.CallAsync<Digest?>(async ct =>
        {
            try
            {
                return (await session.Client.GetManifestAsync(repository, reference, ct)).Digest;
            }
            catch (RegistryException e) when (e.Status == HttpStatusCode.NotFound)
            {
                return null;
            }
        }, cancellationToken);

    private static async Task<List<string>> TagsOfAsync(RegistrySession session, string repository, Digest digest, CancellationToken cancellationToken)
    {
        var tags = new List<string>();
        foreach (var tag in await session.CallAsync(ct => session.Catalog.ListTagsAsync(repository, ct), cancellationToken))
        {
            if (await FindDigestAsync(session, repository, tag, cancellationToken) == digest)
            {
                tags.Add(tag);
            }
        }

        return tags;
    }
}
