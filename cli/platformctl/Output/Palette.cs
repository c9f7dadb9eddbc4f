using Platform.Cli.Config;

namespace Platform.Cli.Output;

/// <summary>
/// ANSI colours, only for a terminal: never when the stream is a pipe or file, when $NO_COLOR is set
/// (no-color.org) or when $TERM is "dumb".
/// </summary>
internal sealed record Palette(bool Enabled)
{
    public static Palette For(bool isTerminal, CliEnvironment environment) =>
        new(isTerminal && environment.NonEmpty("NO_COLOR") is null && environment.Variable("TERM") != "dumb");

    public string Red(string text) => Paint("31", text);

    public string Green(string text) => Paint("32", text);

    public string Yellow(string text) => Paint("33", text);

    private string Paint(string code, string text) => Enabled ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
