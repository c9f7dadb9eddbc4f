using Platform.Cli.Images;
using Platform.Cli.Progress;
using Platform.Oci.References;

namespace Platform.Cli.Commands;

/// <summary>What `image push` and `image pull` share: the sessions with both registries, a work directory, progress, and the digest printed last.</summary>
internal static class ImageTransfer
{
    public static async Task<int> CopyAsync(
        CliContext context, RegistryOption registry, CredentialOptions credentials, ImageReference from, ImageReference to, CancellationToken cancellationToken)
    {
        using var source = registry.Open(context, from.Registry, credentials.ForSource(context, registry.IsPlatform(context, from.Registry)));
        using var destination = registry.Open(context, to.Registry, credentials.ForDestination(context, registry.IsPlatform(context, to.Registry)));
        // Fails fast, before anything is downloaded, when the destination is down or refuses the credentials.
        await destination.CallAsync(destination.Client.PingAsync, cancellationToken);
        var digest = await WithWorkDirectoryAsync(context, work =>
            new ImageCopy(source, destination, work.Board, work.Path).CopyAsync(from, to, cancellationToken));
        await context.Out.WriteLineAsync(digest.ToString().AsMemory(), cancellationToken);
        return ExitCodes.Success;
    }

    public static async Task<int> VerifyAsync(CliContext context, RegistryOption registry, ImageReference reference, CancellationToken cancellationToken)
    {
        using var session = registry.Open(context, reference.Registry);
        var digest = await WithWorkDirectoryAsync(context, work =>
            new ImageVerification(session, work.Board, work.Path).VerifyAsync(reference, cancellationToken));
        await context.Out.WriteLineAsync(digest.ToString().AsMemory(), cancellationToken);
        return ExitCodes.Success;
    }

    /// <summary>A destination names where the image goes by tag; a digest is what the copy brings, not something to ask for.</summary>
    public static ImageReference ParseDestination(CliContext context, RegistryOption registry, string text)
    {
        var destination = registry.ParseReference(context, text);
        return destination.Digest is null
            ? destination
            : throw new CliException($"the destination names the image NAME[:TAG], not by digest: \"{text}\"");
    }

    private static async Task<Digest> WithWorkDirectoryAsync(CliContext context, Func<(ITransferBoard Board, string Path), Task<Digest>> transfer)
    {
        var work = Directory.CreateTempSubdirectory("platformctl-copy-");
        try
        {
            return await TransferDisplay.RunAsync(context.Host, board => transfer((board, work.FullName)));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
