using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace Platform.Storage.Postgres.Tests;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    Task<string> SiloName();
}

public sealed class CounterState
{
    public int Value { get; set; }
}

public sealed class CounterGrain([PersistentState("counter", ClusterTests.Storage)] IPersistentState<CounterState> counter, ILocalSiloDetails silo)
    : Grain, ICounterGrain
{
    public async Task<int> Increment()
    {
        counter.State.Value++;
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public Task<string> SiloName() => Task.FromResult(silo.Name);
}

/// <summary>Two silos and a client meet through PostgreSQL; grain state outlives the silo that wrote it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterTests(PostgresFixture postgres)
{
    public const string Storage = "store";
    private const string ServiceId = "platform-tests";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_silos_form_one_cluster_and_a_grain_keeps_its_state_when_its_silo_leaves()
    {
        var clusterId = PostgresFixture.UniqueId("cluster");
        using var first = await StartSiloAsync(clusterId, "first");
        using var second = await StartSiloAsync(clusterId, "second");
        using var client = await StartClientAsync(clusterId);
        var grains = client.Services.GetRequiredService<IClusterClient>();

        await WaitForActiveSilosAsync(grains, 2);
        var counter = grains.GetGrain<ICounterGrain>("shared");
        Assert.Equal(1, await counter.Increment());
        Assert.Equal(2, await counter.Increment());

        var host = await counter.SiloName() == "first" ? first : second;
        await host.StopAsync();

        Assert.Equal(3, await RetryAsync(counter.Increment));
        Assert.NotEqual(host == first ? "first" : "second", await counter.SiloName());
    }

    private async Task<IHost> StartSiloAsync(string clusterId, string name)
    {
        var options = postgres.Options;
        var host = new HostBuilder()
            .UseOrleans(silo =>
            {
                silo.UsePostgresClustering(options, clusterId, ServiceId, IPAddress.Loopback, FreePorts.Next(), FreePorts.Next());
                silo.Configure<Orleans.Configuration.SiloOptions>(silo => silo.SiloName = name);
                silo.Services.AddPostgresGrainStorage(Storage, options);
            })
            .Build();
        await host.StartAsync();
        return host;
    }

    private async Task<IHost> StartClientAsync(string clusterId)
    {
        var host = new HostBuilder()
            .UseOrleansClient(client => client.UsePostgresClustering(postgres.Options, clusterId, ServiceId))
            .Build();
        await host.StartAsync();
        return host;
    }

    private static async Task WaitForActiveSilosAsync(IClusterClient client, int count)
    {
        var management = client.GetGrain<IManagementGrain>(0);
        using var deadline = new CancellationTokenSource(Patience);
        while ((await management.GetHosts(onlyActive: true)).Count < count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }
    }

    // Right after a silo leaves, a call may still be routed to it once; Orleans then knows better.
    private static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException && !deadline.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
        }
    }
}
