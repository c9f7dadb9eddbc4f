namespace Platform.Cli.Config;

/// <summary>
/// Resolves server, token and namespace. Server: --server, $PLATFORM_SERVER, config file, default.
/// Token: $PLATFORM_TOKEN, config file. Namespace: --namespace, config file, "default".
/// Registry: $PLATFORM_REGISTRY, config file (the image commands' --registry and the server-derived
/// default are applied by <see cref="RegistryAddress.Resolve"/>).
/// </summary>
internal static class CliConfigResolver
{
    public static async Task<CliConfig> ResolveAsync(
        CliOverrides overrides, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var file = await ConfigFile.ReadAsync(ConfigFile.PathFor(environment), cancellationToken);
        return Resolve(overrides, environment, file);
    }

    public static CliConfig Resolve(CliOverrides overrides, CliEnvironment environment, ConfigFileValues file)
    {
        var server = NonEmpty(overrides.Server)
            ?? environment.NonEmpty(CliEnvironment.ServerVariable)
            ?? file.Server
            ?? CliConfig.DefaultServer;
        var token = environment.NonEmpty(CliEnvironment.TokenVariable) ?? file.Token;
        var @namespace = NonEmpty(overrides.Namespace) ?? file.Namespace ?? CliConfig.DefaultNamespace;
        var registry = environment.NonEmpty(CliEnvironment.RegistryVariable) ?? file.Registry;
        return new CliConfig(ServerAddress.Parse(server), token, @namespace, registry);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
