namespace Platform.Build.Dockerfiles;

/// <summary>The argument checks Docker makes while parsing, so a bad line fails before anything is built.</summary>
internal static class InstructionRules
{
    public static void Check(Instruction instruction, char escape)
    {
        var arguments = instruction.Arguments;
        switch (instruction.Keyword)
        {
            case "RUN" when arguments.Length == 0:
                Fail(instruction, "RUN requires at least one argument");
                break;
            case "COPY" or "ADD":
                var count = instruction.JsonArguments?.Count ?? ShellWord.SplitWords(arguments, escape).Count;
                if (count < 2)
                {
                    Fail(instruction, $"{instruction.Keyword} requires at least two arguments, but only {count} provided");
                }

                break;
            case "SHELL":
                if (instruction.JsonArguments is not { Count: > 0 })
                {
                    Fail(instruction, "SHELL requires the arguments to be in JSON form, such as [\"/bin/sh\", \"-c\"]");
                }

                break;
            case "ENV" or "LABEL":
                _ = KeyValueArguments.Parse(instruction, escape);
                break;
            case "ARG":
                _ = KeyValueArguments.ParseArg(instruction, escape);
                break;
            case "WORKDIR" or "USER" or "STOPSIGNAL" or "MAINTAINER":
                if (arguments.Length == 0)
                {
                    Fail(instruction, $"{instruction.Keyword} requires exactly one argument");
                }

                break;
            case "EXPOSE" or "VOLUME":
                if (arguments.Length == 0)
                {
                    Fail(instruction, $"{instruction.Keyword} requires at least one argument");
                }

                break;
            case "HEALTHCHECK":
                _ = HealthcheckArguments.Parse(instruction);
                break;
        }
    }

    public static void Fail(Instruction instruction, string message) =>
        throw new DockerfileException(message, instruction.Line, instruction.ArgumentsColumn);
}
