using System.CommandLine;
using Platform.Cli.Config;
using Platform.Cli.Images;
using Platform.Oci.References;
using Platform.Oci.Registry;

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

    /// <summary>Whether <paramref name="host"/> is the platform's registry, the one the admin token is for.</summary>
    public bool IsPlatform(CliContext context, string host) => string.Equals(host, Resolve(context).Host, StringComparison.OrdinalIgnoreCase);

    /// <summary>A session with the reference's registry (the platform's unless the reference names another).</summary>
    /// <param name="given">Credentials the user gave for this registry (--creds); without them, the admin token for the platform's registry only.</param>
    public RegistrySession Open(CliContext context, string host, RegistryCredentials? given = null) =>
        RegistrySession.Open(Resolve(context), host, context.Config.Token, context.Host.CreateHttpHandler(), given);
}
