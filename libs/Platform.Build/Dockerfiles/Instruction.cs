namespace Platform.Build.Dockerfiles;

/// <summary>
/// One instruction as written: its keyword (upper case), its <c>--flag=value</c> options, and its
/// arguments either as the JSON exec form or as the rest of the line (continuations joined).
/// </summary>
public sealed record Instruction(
    string Keyword,
    IReadOnlyDictionary<string, string> Flags,
    string Arguments,
    IReadOnlyList<string>? JsonArguments,
    int Line,
    int ArgumentsColumn,
    string Text)
{
    public bool IsExecForm => JsonArguments is not null;

    public string? Flag(string name) => Flags.TryGetValue(name, out var value) ? value : null;
}
