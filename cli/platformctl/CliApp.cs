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
        root.Add(GetCommand.Create(runner));
        root.Add(DescribeCommand.Create(runner));
        root.Add(ApplyCommand.Create(runner));
        root.Add(ApplyCommand.CreateCreate(runner));
        root.Add(DeleteCommand.Create(runner));
        root.Add(RunCommand.Create(runner));
        root.Add(AutoscaleCommand.Create(runner));
        root.Add(LogsCommand.Create(runner));
        root.Add(ExecCommand.Create(runner));
        root.Add(Commands.Workloads.ScaleCommand.Create(runner));
        root.Add(Commands.Rollout.RolloutCommand.Create(runner));
        root.Add(Commands.PortForward.PortForwardCommand.Create(runner));
        root.Add(ImageCommand.Create(runner));
        root.Add(ImageCommand.CreateImages(runner));
        root.Add(VolumeCommand.Create(runner));
        root.Add(TopCommand.Create(runner));
        root.Add(BuildCommand.Create(runner));
        root.Add(ClusterInfoCommand.Create(runner));
        root.Add(ConfigCommand.Create(runner));
        root.Add(CompletionCommand.Create(runner));
        root.Add(VersionCommand.Create(runner));
        Examples.Add(root,
            ("Run a pod from a manifest and read its output", "platformctl apply -f examples/hello-pod.yaml && platformctl logs hello"),
            ("See what runs where", "platformctl get pods -o wide"),
            ("Let kubectl use the same cluster", "platformctl config kubeconfig --file ~/.kube/config"));
        Examples.AddToHelp(root);
        return root;
    }
}
