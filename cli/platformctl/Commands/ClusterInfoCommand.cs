using System.CommandLine;
using Platform.Cli.Client;
using Platform.Cli.Config;
using Platform.Oci.Registry;

namespace Platform.Cli.Commands;

/// <summary>`cluster-info`: where the API and the image registry answer, as kubectl cluster-info prints the control plane.</summary>
internal static class ClusterInfoCommand
{
    private static readonly TimeSpan RegistryTimeout = TimeSpan.FromSeconds(5);

    public static Command Create(CommandRunner runner)
    {
        var command = new Command("cluster-info", "Show the addresses of the Platform API and its image registry");
        Examples.Add(command, ("Check that the cluster answers", "platformctl cluster-info"));
        runner.Attach(command, async (context, cancellationToken) =>
        {
            var version = await context.Api.GetAsync(ApiPaths.Version, cancellationToken);
            var colours = context.Host.OutputColours;
            var server = context.Config.ServerDisplay;
            await context.Out.WriteLineAsync(
                $"{colours.Green("Platform API")} is running at {colours.Yellow(server)} (version {version["gitVersion"]})".AsMemory(), cancellationToken);
            var registry = RegistryAddress.Resolve(null, context.Config);
            var registryState = await RegistryAnswersAsync(context, registry, cancellationToken) ? "is running at" : "does not answer at";
            await context.Out.WriteLineAsync(
                $"{colours.Green("Image registry")} {registryState} {colours.Yellow(registry.Host)}".AsMemory(), cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Any HTTP answer to /v2/ (200, or 401 asking for credentials) means the registry runs.</summary>
    private static async Task<bool> RegistryAnswersAsync(CliContext context, RegistryAddress registry, CancellationToken cancellationToken)
    {
        var address = RegistryEndpoint.BaseAddressFor(registry.Host, registry.PlainHttp ? [registry.Host] : null);
        using var http = new HttpClient(context.Host.CreateHttpHandler()) { Timeout = RegistryTimeout };
        try
        {
            using var response = await http.GetAsync(new Uri(address, "v2/"), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
