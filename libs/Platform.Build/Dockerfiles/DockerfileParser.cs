using System.Text.Json;

namespace Platform.Build.Dockerfiles;

/// <summary>
/// Parses a Dockerfile into stages of instructions, checking what can be checked without building:
/// known instructions and flags, argument counts, JSON exec forms, FROM first. Errors name the line
/// and column. Variables are not expanded here; the builder expands them step by step.
/// </summary>
public static class DockerfileParser
{
    public static Dockerfile Parse(string text)
    {
        var (escape, lines) = LineJoiner.Join(text);
        var globalArgs = new List<Instruction>();
        var stages = new List<BuildStage>();
        Instruction? from = null;
        var body = new List<Instruction>();
        foreach (var line in lines)
        {
            var instruction = ParseInstruction(line, escape);
            if (instruction.Keyword == "FROM")
            {
                if (from is not null)
                {
                    stages.Add(Stage(stages.Count, from, body, escape));
                }

                from = instruction;
                body = [];
            }
            else if (from is not null)
            {
                body.Add(instruction);
            }
            else if (instruction.Keyword == "ARG")
            {
                globalArgs.Add(instruction);
            }
            else
            {
                throw new DockerfileException($"{instruction.Keyword} before the first FROM: only ARG may come before FROM", line.Line, line.Column);
            }
        }

        if (from is null)
        {
            throw new DockerfileException("the Dockerfile has no FROM instruction", Math.Max(1, lines.LastOrDefault()?.Line ?? 1), 1);
        }

        stages.Add(Stage(stages.Count, from, body, escape));
        return new Dockerfile(escape, globalArgs, stages);
    }

    private static BuildStage Stage(int index, Instruction from, List<Instruction> body, char escape)
    {
        var words = ShellWord.SplitWords(from.Arguments, escape);
        string? name = null;
        if (words.Count == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase))
        {
            name = words[2].ToLowerInvariant();
            if (!IsStageName(name))
            {
                throw new DockerfileException($"invalid stage name \"{words[2]}\"", from.Line, from.ArgumentsColumn);
            }
        }
        else if (words.Count != 1)
        {
            throw new DockerfileException("FROM requires either one argument, or three: FROM <image> [AS <name>]", from.Line, from.ArgumentsColumn);
        }

        return new BuildStage(index, name, from, body);
    }

    private static bool IsStageName(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    private static Instruction ParseInstruction(LogicalLine line, char escape)
    {
        var text = line.Text;
        var keywordEnd = 0;
        while (keywordEnd < text.Length && !char.IsWhiteSpace(text[keywordEnd]))
        {
            keywordEnd++;
        }

        var keyword = text[..keywordEnd].ToUpperInvariant();
        if (InstructionSyntax.Unsupported.Contains(keyword))
        {
            throw new DockerfileException($"{keyword} is not supported by this builder", line.Line, line.Column);
        }

        if (!InstructionSyntax.Flags.TryGetValue(keyword, out var allowedFlags))
        {
            throw new DockerfileException($"unknown instruction: {text[..keywordEnd]}", line.Line, line.Column);
        }

        var position = SkipSpaces(text, keywordEnd);
        var flags = ReadFlags(text, ref position, keyword, allowedFlags, line);
        var arguments = text[position..].Trim();
        var column = line.Column + position;
        var json = InstructionSyntax.JsonForms.Contains(keyword) ? TryParseJsonArray(arguments) : null;
        var instruction = new Instruction(keyword, flags, arguments, json, line.Line, column, text);
        InstructionRules.Check(instruction, escape);
        return instruction;
    }

    private static Dictionary<string, string> ReadFlags(string text, ref int position, string keyword, string[] allowed, LogicalLine line)
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        while (text.AsSpan(position).StartsWith("--"))
        {
            var end = position;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            var flag = text[(position + 2)..end];
            var equals = flag.IndexOf('=');
            var name = equals < 0 ? flag : flag[..equals];
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw new DockerfileException($"unknown flag: --{name} for {keyword}", line.Line, line.Column + position);
            }

            if (!flags.TryAdd(name, equals < 0 ? "true" : flag[(equals + 1)..]))
            {
                throw new DockerfileException($"duplicate flag: --{name}", line.Line, line.Column + position);
            }

            position = SkipSpaces(text, end);
        }

        return flags;
    }

    private static int SkipSpaces(string text, int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return position;
    }

    /// <summary>The exec form: a JSON array of strings. Anything else (even starting with '[') is the shell form, as in Docker.</summary>
    private static List<string>? TryParseJsonArray(string arguments)
    {
        if (!arguments.StartsWith('['))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(arguments);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var items = new List<string>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                items.Add(item.GetString()!);
            }

            return items;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
