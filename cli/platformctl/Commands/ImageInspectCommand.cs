using System.CommandLine;
using System.Text.Json.Nodes;
using Platform.Cli.Images;
using Platform.Cli.Output;
using Platform.Oci.References;

namespace Platform.Cli.Commands;

/// <summary>`image inspect REF`: the image's manifest (and index, when the reference names one) and its config, as JSON.</summary>
internal static class ImageInspectCommand
{
    // A config is a few kilobytes; one this large is not worth printing.
    private const long MaxConfigBytes = 4 * 1024 * 1024;

    public static Command Create(CommandRunner runner, RegistryOption registry)
    {
        var reference = new Argument<string>("reference") { Description = "NAME[:TAG] or NAME@DIGEST; without a registry host, the platform's registry" };
        var command = new Command("inspect", "Print an image's manifest and config as JSON") { reference };
        Examples.Add(command, ("Show the manifest and config of busybox", "platformctl image inspect busybox:latest"));
        runner.Attach(command, (context, cancellationToken) =>
            RunAsync(context, registry, context.Get(reference)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, RegistryOption registry, string text, CancellationToken cancellationToken)
    {
        var reference = registry.ParseReference(context, text);
        using var session = registry.Open(context, reference.Registry);
        var image = await session.ResolveAsync(reference, cancellationToken);
        var config = await ReadConfigAsync(session, image, cancellationToken);
        var inspection = new JsonObject
        {
            ["Name"] = reference.ToString(),
            ["Digest"] = image.Digest.ToString(),
            ["MediaType"] = image.Named.MediaType,
            ["Size"] = image.Size,
        };
        if (image.Named.IsIndex)
        {
            inspection["Index"] = JsonNode.Parse(image.Named.Content);
        }

        inspection["Manifest"] = JsonNode.Parse(image.Image.Content);
        inspection["Config"] = config;
        await context.Out.WriteAsync(InspectionJson.Render(inspection).AsMemory(), cancellationToken);
        return ExitCodes.Success;
    }

    private static async Task<JsonNode?> ReadConfigAsync(RegistrySession session, ResolvedImage image, CancellationToken cancellationToken)
    {
        var descriptor = image.Manifest.Config;
        if (descriptor.Size > MaxConfigBytes)
        {
            throw new CliException($"the config of {image.Reference} is {HumanSize.Format(descriptor.Size)}, more than an image config can sensibly be");
        }

        var work = Directory.CreateTempSubdirectory("platformctl-inspect-");
        try
        {
            var path = Path.Combine(work.FullName, "config.json");
            await session.CallAsync(
                ct => session.Client.DownloadBlobAsync(image.Reference.Repository, Digest.Parse(descriptor.Digest), descriptor.Size, path, null, ct),
                cancellationToken);
            return JsonNode.Parse(await File.ReadAllBytesAsync(path, cancellationToken));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
