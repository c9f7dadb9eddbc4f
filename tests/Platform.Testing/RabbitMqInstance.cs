using System.Globalization;

namespace Platform.Testing;

/// <summary>A private RabbitMQ broker for the tests, run by the project's own infra/rabbitmq.sh.</summary>
public sealed class RabbitMqInstance(string directory)
{
    private readonly int port = FreePorts.ForRabbitMq();
    private readonly int epmdPort = FreePorts.Next();

    public Uri Url => new($"amqp://guest:guest@127.0.0.1:{port}/");

    public Task StartAsync() => RunAsync("start");

    public Task StopAsync() => RunAsync("stop");

    private async Task RunAsync(string verb)
    {
        var result = await Tool.RunAsync("bash", [RepositoryLayout.Script("infra/rabbitmq.sh"), verb], new Dictionary<string, string>
        {
            ["RABBITMQ_INSTANCE_DIR"] = directory,
            ["RABBITMQ_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_EPMD_PORT"] = epmdPort.ToString(CultureInfo.InvariantCulture),
        });
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"infra/rabbitmq.sh {verb} failed ({result.ExitCode}): {result.Output}{result.Errors}");
        }
    }
}
