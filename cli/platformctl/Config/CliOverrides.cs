namespace Platform.Cli.Config;

/// <summary>What the command line itself says about the server and namespace (null: not given).</summary>
internal sealed record CliOverrides(string? Server, string? Namespace);
