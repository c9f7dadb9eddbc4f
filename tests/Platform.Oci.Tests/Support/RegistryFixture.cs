using Platform.Oci.Registry;

namespace Platform.Oci.Tests.Support;

/// <summary>One anonymous docker-registry shared by the tests of a collection, stopped when they are done.</summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    private DockerRegistry? registry;

    public DockerRegistry Registry => registry ?? throw new InvalidOperationException("the registry is not started");

    public HttpClient Http { get; } = new();

    public RegistryClient Client(RegistryClientOptions? options = null) => new(Http, Registry.Host, options);

    public async Task InitializeAsync() => registry = await DockerRegistry.StartAsync();

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (registry is not null)
        {
            await registry.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RegistryCollection : ICollectionFixture<RegistryFixture>
{
    public const string Name = "docker-registry";
}
