namespace Platform.Cli.Config;

/// <summary>
/// The resolved settings one command runs with. <paramref name="Registry"/> is the image registry
/// from $PLATFORM_REGISTRY or the config file; null when neither names one (see <see cref="RegistryAddress"/>).
/// </summary>
internal sealed record CliConfig(Uri Server, string? Token, string Namespace, string? Registry = null)
{
    public const string DefaultServer = "http://127.0.0.1:8080";
    public const string DefaultNamespace = "default";

    /// <summary>The server address as the user would write it, for messages.</summary>
    public string ServerDisplay => Server.GetLeftPart(UriPartial.Path).TrimEnd('/');
}
