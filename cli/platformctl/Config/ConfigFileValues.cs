namespace Platform.Cli.Config;

/// <summary>The keys the config file may set; null where it says nothing.</summary>
internal sealed record ConfigFileValues(string? Server, string? Token, string? Namespace, string? Registry = null)
{
    public static readonly ConfigFileValues Empty = new(null, null, null);
}
