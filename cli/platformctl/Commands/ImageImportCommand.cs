using System.CommandLine;
using Platform.Cli.Images;
using Platform.Cli.Progress;

namespace Platform.Cli.Commands;

/// <summary>`image import FILE NAME[:TAG] [--cmd ...]`: a root filesystem tarball becomes a one-layer image, as docker import.</summary>
internal static class ImageImportCommand
{
    public static Command Create(CommandRunner runner, RegistryOption registry)
    {
        var file = new Argument<string>("file") { Description = "A root filesystem tarball, plain or gzip-compressed" };
        var name = new Argument<string>("name")
        {
            Description = "NAME[:TAG] of the new image; without a registry host it goes to the platform's registry",
        };
        var cmd = new Option<string[]>("--cmd")
        {
            Description = "The image's default command: repeat for each argument, or one JSON array such as '[\"sh\",\"-c\",\"date\"]'",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("import", "Import a root filesystem tarball as a one-layer image; prints its digest") { file, name, cmd };
        Examples.Add(command, ("Turn a root filesystem into an image whose command is sh", "platformctl image import rootfs.tar busybox:latest --cmd sh"));
        runner.Attach(command, (context, cancellationToken) => RunAsync(
            context, registry, context.Get(file)!, context.Get(name)!, ImageCommandLine.Parse(context.Get(cmd)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, RegistryOption registry, string file, string name, IReadOnlyList<string>? cmd, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            throw new CliException($"the file \"{file}\" does not exist");
        }

        var target = registry.ParseReference(context, name);
        if (target.Digest is not null)
        {
            throw new CliException($"import names the new image NAME[:TAG], not by digest: \"{name}\"");
        }

        using var session = registry.Open(context, target.Registry);
        // Fails fast, before a large tarball is compressed, when the registry is down or refuses the token.
        await session.CallAsync(session.Client.PingAsync, cancellationToken);
        var work = Directory.CreateTempSubdirectory("platformctl-import-");
        try
        {
            var digest = await TransferDisplay.RunAsync(context.Host, async board =>
            {
                var layer = await PrepareLayerAsync(file, work.FullName, board, cancellationToken);
                var image = ImportedImage.Assemble(layer, Path.GetFileName(file), cmd);
                return await ImagePush.PushAsync(session, target, image, board, cancellationToken);
            });
            await context.Out.WriteLineAsync(digest.ToString().AsMemory(), cancellationToken);
            return ExitCodes.Success;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<ImportedLayer> PrepareLayerAsync(string file, string work, ITransferBoard board, CancellationToken cancellationToken)
    {
        var line = board.Add("Reading", Path.GetFileName(file), new FileInfo(file).Length);
        var layer = await LayerImport.PrepareAsync(file, work, line.Phase(string.Empty), cancellationToken);
        await line.CompleteAsync("done", cancellationToken);
        return layer;
    }
}
