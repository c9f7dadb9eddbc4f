namespace Platform.Cli.Config;

/// <summary>The environment variables and home directory the configuration is resolved from.</summary>
internal sealed record CliEnvironment(Func<string, string?> Variable, string HomeDirectory)
{
    public const string ServerVariable = "PLATFORM_SERVER";
    public const string TokenVariable = "PLATFORM_TOKEN";
    public const string ConfigVariable = "PLATFORM_CONFIG";
    public const string RegistryVariable = "PLATFORM_REGISTRY";

    public static CliEnvironment FromProcess() => new(
        Environment.GetEnvironmentVariable,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    public static CliEnvironment FromDictionary(IReadOnlyDictionary<string, string> variables, string homeDirectory) =>
        new(name => variables.GetValueOrDefault(name), homeDirectory);

    /// <summary>The variable's value, or null when it is unset or empty.</summary>
    public string? NonEmpty(string name) => Variable(name) is { Length: > 0 } value ? value : null;
}
