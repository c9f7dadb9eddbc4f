using System.CommandLine;

namespace Platform.Cli.Commands;

/// <summary>
/// `image push NAME[:TAG] REGISTRY/NAME[:TAG]`: copies an image from the platform's registry to
/// another, as skopeo copy would, with identical digests; prints the digest.
/// </summary>
internal static class ImagePushCommand
{
    public static Command Create(CommandRunner runner, RegistryOption registry)
    {
        var source = new Argument<string>("source") { Description = "NAME[:TAG] or NAME@DIGEST in the platform's registry" };
        var destination = new Argument<string>("destination")
        {
            Description = "REGISTRY/NAME[:TAG] to copy it to (plain HTTP for a loopback registry)",
        };
        var credentials = new CredentialOptions();
        var command = new Command("push", "Copy an image from the platform's registry to another registry; prints its digest") { source, destination };
        Examples.Add(command, ("Copy busybox to another registry", "platformctl image push busybox:latest 10.0.0.9:5000/busybox:latest --creds user:password"));
        credentials.AddTo(command);
        runner.Attach(command, (context, cancellationToken) => ImageTransfer.CopyAsync(
            context,
            registry,
            credentials,
            registry.ParseReference(context, context.Get(source)!),
            ImageTransfer.ParseDestination(context, registry, context.Get(destination)!),
            cancellationToken));
        return command;
    }
}
