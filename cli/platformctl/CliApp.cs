using System.CommandLine;
using Platform.Cli.Commands;

namespace Platform.Cli;

/// <summary>Builds the command tree and runs one command line.</summary>
internal static class CliApp
{
    public static Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken)
    {
        var invocation = new InvocationConfiguration { Output = host.Out, Error = host.Error };
        return BuildRootCommand(host).Parse(args).InvokeAsync(invocation, cancellationToken);
    }

    public static RootCommand BuildRootCommand(CliHost host)
    {
        var globals = new GlobalOptions();
        var runner = new CommandRunner(host, globals);
        var root = new RootCommand("platformctl controls a Platform cluster through its API and its image registry.");
        globals.AddTo(root);
        root.Add(ApplyCommand.Create(runner));
        root.Add(GetCommand.Create(runner));
        root.Add(DescribeCommand.Create(runner));
        root.Add(LogsCommand.Create(runner));
        root.Add(DeleteCommand.Create(runner));
        root.Add(ImageCommand.Create(runner));
        root.Add(ImageCommand.CreateImages(runner));
        root.Add(BuildCommand.Create(runner));
        root.Add(VersionCommand.Create(runner));
        return root;
    }
}
