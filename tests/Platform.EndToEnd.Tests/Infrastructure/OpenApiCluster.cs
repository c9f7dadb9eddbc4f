namespace Platform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A cluster whose API needs no token: kubectl (client-go) sends a kubeconfig's bearer token only over
/// TLS, and the gateway speaks plain HTTP, so tests of the real kubectl run against this one.
/// </summary>
public sealed class OpenApiCluster() : PlatformCluster(new PlatformClusterOptions { RequireToken = false });

[CollectionDefinition(Name)]
public sealed class OpenApiClusterCollection : ICollectionFixture<OpenApiCluster>
{
    public const string Name = "open-api-cluster";
}
