using System.Globalization;

namespace Platform.ApiGateway.Hosting;

/// <summary>The gateway's settings, read from PLATFORM_* environment variables (see docs/architecture.md).</summary>
public sealed record GatewaySettings(
    string Home,
    Uri ListenUrl,
    Uri RabbitMqUrl,
    int SiloPort,
    int OrleansGatewayPort,
    string? AdminTokenFile,
    TimeSpan NodeGracePeriod,
    Uri SecureListenUrl,
    string? PostgresConnectionString = null)
{
    public string DatabasePath => Path.Combine(Home, "api-gateway", "control-plane.db");

    /// <summary>The serving certificate (serving.pfx) and its public part (ca.crt) for kubeconfigs.</summary>
    public string TlsDirectory => Path.Combine(Home, "api-gateway", "tls");

    public static GatewaySettings From(IConfiguration configuration)
    {
        var home = configuration["PLATFORM_HOME"] ?? "/var/lib/platform";
        return new GatewaySettings(
            home,
            new Uri(configuration["PLATFORM_GATEWAY_URL"] ?? "http://127.0.0.1:8080"),
            new Uri(configuration["PLATFORM_RABBITMQ_URL"] ?? "amqp://guest:guest@127.0.0.1:5672/"),
            Port(configuration, "PLATFORM_ORLEANS_SILO_PORT", 11111),
            Port(configuration, "PLATFORM_ORLEANS_GATEWAY_PORT", 30000),
            configuration["PLATFORM_ADMIN_TOKEN_FILE"],
            TimeSpan.FromSeconds(configuration["PLATFORM_NODE_GRACE_SECONDS"] is { } grace ? double.Parse(grace, CultureInfo.InvariantCulture) : 10),
            new Uri(configuration["PLATFORM_GATEWAY_TLS_URL"] ?? "https://127.0.0.1:6443"),
            configuration["PLATFORM_POSTGRES_URL"] is { Length: > 0 } postgres ? postgres : null);
    }

    private static int Port(IConfiguration configuration, string key, int fallback) =>
        configuration[key] is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
