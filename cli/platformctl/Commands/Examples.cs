using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace Platform.Cli.Commands;

/// <summary>
/// The "Examples:" section of each verb's --help, as kubectl prints it: a comment line saying what
/// the example does, then the command line.
/// </summary>
internal static class Examples
{
    private static readonly ConditionalWeakTable<Command, IReadOnlyList<(string What, string CommandLine)>> ByCommand = [];

    public static void Add(Command command, params (string What, string CommandLine)[] examples) =>
        ByCommand.AddOrUpdate(command, examples);

    public static IReadOnlyList<(string What, string CommandLine)> Of(Command command) =>
        ByCommand.TryGetValue(command, out var examples) ? examples : [];

    /// <summary>Makes --help print the examples after the options.</summary>
    public static void AddToHelp(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExamples((HelpAction)help.Action!);
    }

    private sealed class HelpWithExamples(HelpAction standard) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var exitCode = standard.Invoke(parseResult);
            var examples = Of(parseResult.CommandResult.Command);
            if (examples.Count == 0)
            {
                return exitCode;
            }

            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            for (var i = 0; i < examples.Count; i++)
            {
                output.WriteLine($"  # {examples[i].What}");
                output.WriteLine($"  {examples[i].CommandLine}");
                output.WriteLine();
            }

            return exitCode;
        }
    }
}
