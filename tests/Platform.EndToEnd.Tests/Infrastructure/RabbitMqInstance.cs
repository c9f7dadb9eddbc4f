using System.Diagnostics;
using System.Globalization;

namespace Platform.EndToEnd.Tests.Infrastructure;

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
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(RepositoryLayout.Script("infra/rabbitmq.sh"));
        info.ArgumentList.Add(verb);
        info.Environment["RABBITMQ_INSTANCE_DIR"] = directory;
        info.Environment["RABBITMQ_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        info.Environment["RABBITMQ_EPMD_PORT"] = epmdPort.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"infra/rabbitmq.sh {verb} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }
}
