namespace Platform.Build.Dockerfiles;

/// <summary>
/// The <c>key=value ...</c> arguments of ENV and LABEL (or the legacy <c>ENV key value with spaces</c>),
/// and ARG's <c>name[=default]</c>. Values keep their quotes here; expansion removes them.
/// </summary>
public static class KeyValueArguments
{
    public static List<KeyValuePair<string, string>> Parse(Instruction instruction, char escape)
    {
        var words = ShellWord.SplitWords(instruction.Arguments, escape);
        if (words.Count == 0)
        {
            InstructionRules.Fail(instruction, $"{instruction.Keyword} requires at least one argument");
        }

        if (!words[0].Contains('='))
        {
            // The legacy form: the first word is the key, the rest of the line the value.
            if (words.Count < 2)
            {
                InstructionRules.Fail(instruction, $"{instruction.Keyword} must have two arguments");
            }

            var rest = instruction.Arguments[(instruction.Arguments.IndexOf(words[0], StringComparison.Ordinal) + words[0].Length)..].Trim();
            return [new(words[0], rest)];
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var word in words)
        {
            var equals = word.IndexOf('=');
            if (equals <= 0)
            {
                InstructionRules.Fail(instruction, $"syntax error - can't find = in \"{word}\". Must be of the form: name=value");
            }

            pairs.Add(new(word[..equals], word[(equals + 1)..]));
        }

        return pairs;
    }

    /// <summary>ARG's one <c>name</c> or <c>name=default</c>; the default is null when not given.</summary>
    public static KeyValuePair<string, string?> ParseArg(Instruction instruction, char escape)
    {
        var words = ShellWord.SplitWords(instruction.Arguments, escape);
        if (words.Count != 1)
        {
            InstructionRules.Fail(instruction, "ARG requires exactly one argument: ARG <name>[=<default value>]");
        }

        var equals = words[0].IndexOf('=');
        var name = equals < 0 ? words[0] : words[0][..equals];
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            InstructionRules.Fail(instruction, $"invalid ARG name \"{name}\"");
        }

        return new(name, equals < 0 ? null : words[0][(equals + 1)..]);
    }
}
