using System.Globalization;

namespace Platform.Build.Dockerfiles;

/// <summary>HEALTHCHECK NONE, or HEALTHCHECK [--interval=…] CMD command (shell or exec form).</summary>
public sealed record HealthcheckArguments(IReadOnlyList<string> Test, TimeSpan? Interval, TimeSpan? Timeout, TimeSpan? StartPeriod, TimeSpan? StartInterval, int? Retries)
{
    public static HealthcheckArguments Parse(Instruction instruction)
    {
        var arguments = instruction.Arguments;
        if (arguments.Equals("NONE", StringComparison.OrdinalIgnoreCase))
        {
            return instruction.Flags.Count == 0
                ? new HealthcheckArguments(["NONE"], null, null, null, null, null)
                : Fail(instruction, "HEALTHCHECK NONE takes no options");
        }

        if (!arguments.StartsWith("CMD", StringComparison.OrdinalIgnoreCase) || (arguments.Length > 3 && !char.IsWhiteSpace(arguments[3])))
        {
            return Fail(instruction, "HEALTHCHECK requires NONE or CMD <command>");
        }

        var command = arguments[3..].Trim();
        if (command.Length == 0)
        {
            return Fail(instruction, "HEALTHCHECK CMD requires a command");
        }

        var json = command.StartsWith('[') ? TryJson(command) : null;
        IReadOnlyList<string> test = json is not null ? ["CMD", .. json] : ["CMD-SHELL", command];
        return new HealthcheckArguments(
            test,
            Duration(instruction, "interval"),
            Duration(instruction, "timeout"),
            Duration(instruction, "start-period"),
            Duration(instruction, "start-interval"),
            instruction.Flag("retries") is { } retries
                ? int.TryParse(retries, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : Fail<int>(instruction, $"invalid --retries \"{retries}\"")
                : null);
    }

    private static List<string>? TryJson(string text)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize(text, BuildJsonContext.Default.ListString);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static TimeSpan? Duration(Instruction instruction, string flag)
    {
        if (instruction.Flag(flag) is not { } text)
        {
            return null;
        }

        return GoDuration.TryParse(text, out var value) ? value : Fail<TimeSpan>(instruction, $"invalid --{flag} duration \"{text}\"");
    }

    private static HealthcheckArguments Fail(Instruction instruction, string message) => Fail<HealthcheckArguments>(instruction, message);

    private static T Fail<T>(Instruction instruction, string message) =>
        throw new DockerfileException(message, instruction.Line, instruction.ArgumentsColumn);
}
