using System.CommandLine;
using Platform.Cli.Images;
using Platform.Cli.Output;
using Platform.Oci.References;

namespace Platform.Cli.Commands;

/// <summary>
/// `image pull REF`: resolves the image and downloads its config and every layer, each checked
/// against its digest, then prints the manifest digest. The CLI keeps no image store of its own
/// (node agents pull what their pods need), so the blobs go to a temporary directory and are
/// deleted once verified: the command proves the image is complete and intact in the registry.
/// </summary>
internal static class ImagePullCommand
{
    public static Command Create(CommandRunner runner, RegistryOption registry)
    {
        var reference = new Argument<string>("reference") { Description = "NAME[:TAG] or NAME@DIGEST; without a registry host, the platform's registry" };
        var command = new Command("pull", "Download an image's blobs, verify every digest and print the manifest digest") { reference };
        runner.Attach(command, (context, cancellationToken) =>
            RunAsync(context, registry, context.Get(reference)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, RegistryOption registry, string text, CancellationToken cancellationToken)
    {
        var reference = registry.ParseReference(context, text);
        using var session = registry.Open(context, reference.Registry);
        var image = await session.ResolveAsync(reference, cancellationToken);
        var work = Directory.CreateTempSubdirectory("platformctl-pull-");
        try
        {
            foreach (var blob in image.Blobs)
            {
                var digest = Digest.Parse(blob.Digest);
                var path = Path.Combine(work.FullName, digest.Hex);
                await session.CallAsync(
                    ct => session.Client.DownloadBlobAsync(reference.Repository, digest, blob.Size, path, null, ct), cancellationToken);
                File.Delete(path);
                var kind = blob == image.Manifest.Config ? "config" : "layer";
                await context.Out.WriteLineAsync($"{ImageColumns.ShortDigest(digest)}: verified {kind} ({HumanSize.Format(blob.Size)})".AsMemory(), cancellationToken);
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }

        await context.Out.WriteLineAsync(image.Digest.ToString().AsMemory(), cancellationToken);
        return ExitCodes.Success;
    }
}
