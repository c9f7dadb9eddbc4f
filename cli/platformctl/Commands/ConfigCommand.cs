using System.CommandLine;
using System.Text.Json.Nodes;
using Platform.Cli.Config;
using Platform.Cli.Output;

namespace Platform.Cli.Commands;

/// <summary>`config set-server|set-token|set-namespace|view|kubeconfig`: the CLI's settings, and a kubeconfig for kubectl.</summary>
internal static class ConfigCommand
{
    private const string Redacted = "REDACTED";

    public static Command Create(CommandRunner runner)
    {
        var command = new Command("config", "Show or change platformctl's settings (~/.platform/config), or write a kubeconfig for kubectl")
        {
            SetCommand(runner, "set-server", "URL", "server", "The address of the Platform API", ServerAddress.Parse,
                ("Talk to the API on another machine", "platformctl config set-server http://10.0.0.5:8080")),
            SetCommand(runner, "set-token", "TOKEN", "token", "The bearer token sent to the API (and, as a password, to its registry)", null,
                ("Use the admin token of a cluster", "platformctl config set-token \"$(cat /var/lib/platform/admin.token)\"")),
            SetCommand(runner, "set-namespace", "NAMESPACE", "namespace", "The namespace commands use without -n", null,
                ("Work in the namespace team-a by default", "platformctl config set-namespace team-a")),
            ViewCommand(runner),
            KubeconfigCommand(runner),
        };
        Examples.Add(command,
            ("Show the settings in use (token redacted)", "platformctl config view"),
            ("Let kubectl talk to the cluster", "platformctl config kubeconfig --file ~/.kube/config && kubectl get pods"));
        return command;
    }

    private static Command SetCommand(
        CommandRunner runner, string verb, string valueName, string key, string description, Func<string, Uri>? validate, (string, string) example)
    {
        var value = new Argument<string>("value") { Description = description, HelpName = valueName };
        var command = new Command(verb, $"Set {key} in the config file") { value };
        Examples.Add(command, example);
        runner.Attach(command, async (context, cancellationToken) =>
        {
            var text = context.Get(value)!;
            validate?.Invoke(text);
            var path = ConfigFile.PathFor(context.Host.Environment);
            await ConfigFileWriter.UpdateAsync(path, content => content[key] = text, cancellationToken);
            await context.Out.WriteLineAsync($"Property \"{key}\" set in {path}.".AsMemory(), cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ViewCommand(CommandRunner runner)
    {
        var raw = new Option<bool>("--raw") { Description = "Show the token instead of REDACTED" };
        var command = new Command("view", "Print the settings commands use (from flags, environment and config file)") { raw };
        Examples.Add(command, ("Show the settings in use", "platformctl config view"), ("With the token", "platformctl config view --raw"));
        runner.Attach(command, async (context, cancellationToken) =>
        {
            var config = context.Config;
            var settings = new JsonObject
            {
                ["server"] = config.ServerDisplay,
                ["namespace"] = config.Namespace,
                ["registry"] = config.Registry ?? RegistryAddress.ForServer(config.Server).Host,
                ["configFile"] = ConfigFile.PathFor(context.Host.Environment),
            };
            if (config.Token is { } token)
            {
                settings["token"] = context.Get(raw) ? token : Redacted;
            }

            await context.Out.WriteAsync(YamlOutput.Render(settings).AsMemory(), cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command KubeconfigCommand(CommandRunner runner)
    {
        var file = new Option<string?>("--file") { Description = "Merge into this kubeconfig (created if missing) instead of printing one", HelpName = "PATH" };
        var name = new Option<string>("--name") { Description = "The name of the cluster, user and context", DefaultValueFactory = _ => Kubeconfig.DefaultName };
        var tlsServer = new Option<string?>("--tls-server")
        {
            Description = "The gateway's https address (default: $PLATFORM_GATEWAY_TLS_URL, else port 6443 of the server's host)",
            HelpName = "URL",
        };
        var authority = new Option<string?>("--certificate-authority")
        {
            Description = "The PEM certificate the gateway's TLS certificate is signed by (default: $PLATFORM_HOME/api-gateway/tls/ca.crt)",
            HelpName = "FILE",
        };
        var command = new Command("kubeconfig", "Write a kubeconfig for kubectl: the gateway's https address and certificate, the bearer token, a context made current")
        {
            file, name, tlsServer, authority,
        };
        Examples.Add(command,
            ("Print a kubeconfig", "platformctl config kubeconfig > platform.kubeconfig && KUBECONFIG=platform.kubeconfig kubectl get nodes"),
            ("Add the cluster to kubectl's own config and switch to it", "platformctl config kubeconfig --file ~/.kube/config"),
            ("A gateway on another machine, with a copy of its certificate", "platformctl -s http://10.0.0.5:8080 config kubeconfig --certificate-authority ca.crt"));
        runner.Attach(command, async (context, cancellationToken) =>
        {
            var contextName = context.Get(name)!;
            var cluster = await KubeconfigCluster.ResolveAsync(context.Config, context.Host.Environment, context.Get(tlsServer), context.Get(authority), cancellationToken);
            if (context.Get(file) is not { } path)
            {
                await context.Out.WriteAsync(YamlOutput.Render(Kubeconfig.Create(cluster, context.Config, contextName)).AsMemory(), cancellationToken);
                return ExitCodes.Success;
            }

            await ConfigFileWriter.UpdateAsync(path, kubeconfig => Kubeconfig.Merge(kubeconfig, cluster, context.Config, contextName), cancellationToken);
            await context.Out.WriteLineAsync($"Context \"{contextName}\" written to {path} and made current.".AsMemory(), cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }
}
