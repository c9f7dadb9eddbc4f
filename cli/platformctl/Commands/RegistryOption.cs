using System.CommandLine;
using Platform.Cli.Config;
using Platform.Cli.Images;
using Platform.Oci.References;

namespace Platform.Cli.Commands;

/// <summary>The --registry option of the image commands, and what they derive from it.</summary>
internal sealed class RegistryOption
{
    public RegistryOption(bool recursive) => Option = new Option<string?>("--registry")
    {
        Description = "The platform's image registry, HOST:PORT or http://HOST:PORT "
            + "(default: $PLATFORM_REGISTRY, the config file's registry, else the server's host on port 5000)",
        Recursive = recursive,
    };

    public Option<string?> Option { get; }

    public RegistryAddress Resolve(CliContext context) => RegistryAddress.Resolve(context.Get(Option), context.Config);

    /// <summary>A reference without a registry host names the platform's registry.</summary>
    public ImageReference ParseReference(CliContext context, string text) => ImageReference.Parse(text, Resolve(context).Host);

    /// <summary>A session with the reference's registry (the platform's unless the reference names another).</summary>
    public RegistrySession Open(CliContext context, string host) =>
        RegistrySession.Open(Resolve(context), host, context.Config.Token, context.Host.CreateHttpHandler());
}
