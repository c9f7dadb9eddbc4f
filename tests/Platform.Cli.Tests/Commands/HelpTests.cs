using System.CommandLine;
using Platform.Cli.Commands;
using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests.Commands;

public class HelpTests
{
    public static TheoryData<string> Verbs()
    {
        var data = new TheoryData<string>();
        foreach (var path in CommandPaths(BuildRoot(), []))
        {
            data.Add(string.Join(' ', path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task EveryVerbsHelpEndsWithExamples(string verb)
    {
        using var home = new TempDirectory();

        var result = await new OfflineCli(home.Path).RunAsync([.. verb.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"(?s)Usage:.*Examples:\n  # [^\n]+\n  platformctl ", result.Out);
    }

    [Fact]
    public void EveryCommandHasExamples()
    {
        var root = BuildRoot();

        Assert.All(AllCommands(root), command => Assert.NotEmpty(Examples.Of(command)));
    }

    private static RootCommand BuildRoot() =>
        CliApp.BuildRootCommand(new CliHost(TextReader.Null, TextWriter.Null, TextWriter.Null,
            Platform.Cli.Config.CliEnvironment.FromDictionary(new Dictionary<string, string>(), "/nonexistent"),
            TimeProvider.System, TimeZoneInfo.Utc, () => new SocketsHttpHandler()));

    private static IEnumerable<Command> AllCommands(Command command) =>
        command.Subcommands.SelectMany(AllCommands).Prepend(command);

    private static IEnumerable<string[]> CommandPaths(Command command, string[] path)
    {
        yield return path;
        foreach (var child in command.Subcommands)
        {
            foreach (var childPath in CommandPaths(child, [.. path, child.Name]))
            {
                yield return childPath;
            }
        }
    }
}
