namespace Platform.Cli.Output;

/// <summary>How a resource table is laid out: -o wide adds columns, -A adds NAMESPACE.</summary>
internal sealed record TableOptions(bool Wide, bool WithNamespace)
{
    public static readonly TableOptions Default = new(false, false);
}
