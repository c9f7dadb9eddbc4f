using System.CommandLine;
using Platform.Oci.References;

namespace Platform.Cli.Commands;

/// <summary>
/// `image pull REGISTRY/NAME[:TAG] [NAME[:TAG]]`: copies an image from another registry into the
/// platform's, every blob checked against its digest on the way, under the same name or the one
/// given; prints the digest. An image already in the platform's registry is verified where it is:
/// its blobs are downloaded, checked and deleted (node agents keep images, the CLI does not).
/// </summary>
internal static class ImagePullCommand
{
    public static Command Create(CommandRunner runner, RegistryOption registry)
    {
        var reference = new Argument<string>("reference")
        {
            Description = "REGISTRY/NAME[:TAG] or REGISTRY/NAME@DIGEST; without a registry host, an image in the platform's registry to verify",
        };
        var destination = new Argument<string?>("destination")
        {
            Description = "NAME[:TAG] to store it as (default: the same name and tag in the platform's registry)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var credentials = new CredentialOptions();
        var command = new Command("pull", "Copy an image into the platform's registry, verifying every digest; prints its digest") { reference, destination };
        Examples.Add(command, ("Copy an image from another registry under the same name", "platformctl image pull 10.0.0.9:5000/team/app:1"), ("Store it under another name, with credentials for the source", "platformctl image pull registry.example/app:1 app:stable --creds user:password"));
        credentials.AddTo(command);
        runner.Attach(command, (context, cancellationToken) =>
            RunAsync(context, registry, credentials, context.Get(reference)!, context.Get(destination), cancellationToken));
        return command;
    }

    private static Task<int> RunAsync(
        CliContext context, RegistryOption registry, CredentialOptions credentials, string text, string? destinationText, CancellationToken cancellationToken)
    {
        var source = registry.ParseReference(context, text);
        if (destinationText is not null)
        {
            var destination = ImageTransfer.ParseDestination(context, registry, destinationText);
            return ImageTransfer.CopyAsync(context, registry, credentials, source, destination, cancellationToken);
        }

        if (registry.IsPlatform(context, source.Registry))
        {
            return ImageTransfer.VerifyAsync(context, registry, source, cancellationToken);
        }

        return ImageTransfer.CopyAsync(context, registry, credentials, source, SameNameInPlatform(context, registry, source), cancellationToken);
    }

    /// <summary>The source's repository and tag in the platform's registry; by digest alone when the source named only a digest.</summary>
    private static ImageReference SameNameInPlatform(CliContext context, RegistryOption registry, ImageReference source) => new()
    {
        Registry = registry.Resolve(context).Host,
        Repository = source.Repository,
        Tag = source.Tag,
        Digest = source.Tag is null ? source.Digest : null,
    };
}
