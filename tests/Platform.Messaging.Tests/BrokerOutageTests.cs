using System.Threading.Channels;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Messaging.Tests;

/// <summary>
/// A real RabbitMQ stops and starts again under a bus with publisher confirms: sending is bounded while
/// the broker is away, works again once it is back, and the bus's health reports both.
/// </summary>
public sealed class BrokerOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly string directory = Directory.CreateTempSubdirectory("platform-messaging-test-").FullName;
    private readonly Channel<Probe> received = Channel.CreateUnbounded<Probe>();
    private readonly RabbitMqInstance broker;
    private ServiceProvider? services;
    private int disposed;

    public BrokerOutageTests() => broker = new RabbitMqInstance(Path.Combine(directory, "rabbitmq"));

    private IBusControl Bus => services!.GetRequiredService<IBusControl>();

    public Task InitializeAsync() => FixtureStart.RunAsync(StartAsync, DisposeAsync);

    private async Task StartAsync()
    {
        await broker.StartAsync();
        services = new ServiceCollection()
            .AddSingleton(received.Writer)
            .AddPlatformBus(broker.Url, bus => bus.AddConsumer<ProbeConsumer>(), (context, rabbit) =>
                rabbit.ReceiveEndpoint("probes", endpoint => endpoint.ConfigureConsumer<ProbeConsumer>(context)))
            .BuildServiceProvider();
        await Bus.StartAsync(CancellationToken.None);
    }

    /// <summary>Stops the bus and the broker and removes the directory; only the first call does anything.</summary>
    public async Task DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        var steps = new TeardownSteps();
        if (services is not null)
        {
            await steps.RunAsync(() => Bus.StopAsync(CancellationToken.None));
            await steps.RunAsync(() => services.DisposeAsync().AsTask());
        }

        await steps.RunAsync(broker.StopAsync);
        steps.Run(() => Directory.Delete(directory, recursive: true));
        steps.ThrowIfAnyFailed();
    }

    [Fact]
    public async Task Publishing_is_bounded_while_the_broker_is_away_and_works_again_once_it_is_back()
    {
        var cancellationToken = CancellationToken.None;
        await Bus.PublishWithin(new Probe(1), Bound, cancellationToken);
        Assert.Equal(1, (await NextReceived(cancellationToken)).Number);

        await broker.StopAsync();
        await WaitForHealth(healthy: false, cancellationToken);
        var attempt = Bus.PublishWithin(new Probe(2), Bound, cancellationToken);
        var finished = await Task.WhenAny(attempt, Task.Delay(Patience, cancellationToken));
        Assert.Same(attempt, finished);
        await Assert.ThrowsAnyAsync<Exception>(() => attempt);

        await broker.StartAsync();
        await WaitForHealth(healthy: true, cancellationToken);
        await PublishUntilAccepted(new Probe(3), cancellationToken);
        Assert.Equal(3, (await NextReceived(cancellationToken)).Number);
    }

    private async Task PublishUntilAccepted(Probe probe, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        while (true)
        {
            try
            {
                await Bus.PublishWithin(probe, Bound, patience.Token);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), patience.Token);
            }
        }
    }

    private async Task<Probe> NextReceived(CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        return await received.Reader.ReadAsync(patience.Token);
    }

    /// <summary>The bus's own view, as the gateway's heartbeat watcher reads it: a receive endpoint is Healthy or it is not.</summary>
    private async Task WaitForHealth(bool healthy, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        while (Bus.CheckHealth().Endpoints.Values.All(e => e.Status == BusHealthStatus.Healthy) != healthy)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), patience.Token);
        }
    }

    public sealed record Probe(int Number);

    public sealed class ProbeConsumer(ChannelWriter<Probe> received) : IConsumer<Probe>
    {
        public async Task Consume(ConsumeContext<Probe> context) => await received.WriteAsync(context.Message, context.CancellationToken);
    }
}
