using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Platform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A whole single-node platform for the tests: a private RabbitMQ, the api-gateway (with its silo
/// and SQLite state), the scheduler (or several, see <see cref="PlatformClusterOptions"/>), the
/// image-store and one node agent, on free loopback ports under a temporary PLATFORM_HOME that is
/// removed afterwards. A start that fails tears down what it had started (processes, containers, the bridge, the
/// subnet leases, the home) before its exception goes on; the teardown runs once, whoever asks first.
/// </summary>
public class PlatformCluster : IAsyncLifetime
{
    public const string NodeName = "e2e-node";

    private readonly PlatformClusterOptions options;

    public PlatformCluster()
        : this(new PlatformClusterOptions())
    {
    }

    /// <summary>For a fixture of its own collection (xUnit wants one public constructor per fixture).</summary>
    protected PlatformCluster(PlatformClusterOptions options) => this.options = options;

    private readonly string home = Directory.CreateTempSubdirectory("platform-e2e-").FullName;
    private readonly int gatewayPort = FreePorts.Next();
    private readonly int gatewayTlsPort = FreePorts.Next();
    private readonly int agentPort = FreePorts.Next();
    private readonly int imageStorePort = FreePorts.Next();
    private readonly int siloPort = FreePorts.Next();
    private readonly int orleansGatewayPort = FreePorts.Next();
    private readonly Dictionary<string, int> schedulerMetricsPorts = [];
    private readonly Dictionary<string, ServiceProcess> services = [];
    private readonly PodNetworkLease network = PodNetworkLease.Take();

    /// <summary>Extra node agents with a bridge and pod subnet of their own (<see cref="StartExtraNodeAgentAsync"/>).</summary>
    private readonly Dictionary<string, PodNetworkLease> ownNetworks = [];
    private RabbitMqInstance? rabbitMq;
    private PostgresInstance? postgres;
    private int tornDown;

    public string Token { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    public Uri GatewayUrl => new($"http://127.0.0.1:{gatewayPort}");

    /// <summary>The same API over TLS (kubectl sends its token only there), with the gateway's self-signed certificate.</summary>
    public Uri GatewayTlsUrl => new($"https://127.0.0.1:{gatewayTlsPort}");

    public string GatewayCertificate => Path.Combine(home, "api-gateway", "tls", "ca.crt");

    /// <summary>The image store as registry clients name it (HOST:PORT).</summary>
    public string Registry => $"127.0.0.1:{imageStorePort}";

    public string Home => home;

    public int AgentPort => agentPort;

    public Uri ImageStoreUrl => new($"http://127.0.0.1:{imageStorePort}");

    public Uri AgentUrl => new($"http://127.0.0.1:{agentPort}");

    /// <summary>Where the first scheduler replica serves /metrics.</summary>
    public Uri SchedulerMetricsUrl => new($"http://127.0.0.1:{schedulerMetricsPorts[SchedulerNames[0]]}");

    /// <summary>The node agent's state: pods, images, and the container runtime's root.</summary>
    public string NodeDirectory => Path.Combine(home, "nodes", NodeName);

    public RabbitMqInstance RabbitMq => rabbitMq!;

    /// <summary>This cluster's node bridge and pod subnet, its own among clusters running side by side.</summary>
    public string Bridge => network.Bridge;

    public string PodSubnet => network.Subnet;

    /// <summary>The cluster's service range (PLATFORM_SERVICE_CIDR), a /24 of its own.</summary>
    public string ServiceSubnet => network.ServiceSubnet;

    public HttpClient Http { get; private set; } = new();

    public PlatformCli Cli => new(GatewayUrl, Token, home, Registry);

    public Task InitializeAsync() => FixtureStart.RunAsync(StartAsync, DisposeAsync);

    private async Task StartAsync()
    {
        File.WriteAllText(Path.Combine(home, "admin.token"), Token);
        Http = new HttpClient { BaseAddress = GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        rabbitMq = new RabbitMqInstance(Path.Combine(home, "rabbitmq"));
        await rabbitMq.StartAsync();
        if (options.PostgresStorage)
        {
            postgres = await PostgresInstance.StartAsync();
        }

        await StartGatewayAsync();
        foreach (var scheduler in SchedulerNames)
        {
            // Each replica serves /metrics on a port of its own.
            var environment = ServiceEnvironment();
            schedulerMetricsPorts[scheduler] = FreePorts.Next();
            environment["PLATFORM_SCHEDULER_METRICS_URL"] = $"http://127.0.0.1:{schedulerMetricsPorts[scheduler]}";
            Start("scheduler", "Platform.Scheduler", scheduler, environment);
        }

        Start("image-store", "Platform.ImageStore");
        await Eventually.TrueAsync(() => ClusterApi.AnswersAsync(new HttpClient(), $"http://127.0.0.1:{imageStorePort}/healthz"), TimeSpan.FromSeconds(60), "the image store to answer");
        await ImageSeed.BusyboxAsync($"127.0.0.1:{imageStorePort}", Token);
        StartNodeAgent();
        await Eventually.TrueAsync(() => ClusterApi.IsNodeReadyAsync(Http, NodeName), options.NodeReadyTimeout, "the node to become Ready");
    }

    /// <summary>Stops the gateway as `./platform down` does, or kills it (a crash), and starts it again on the same state.</summary>
    public async Task RestartGatewayAsync(bool crash = false)
    {
        if (crash)
        {
            await services["api-gateway"].KillAsync();
        }

        await services["api-gateway"].DisposeAsync();
        await StartGatewayAsync();
    }

    /// <summary>
    /// Stops the node agent as `./platform down` does, or kills it (a crash), runs <paramref name="whileDown"/>,
    /// and starts it again on the same state.
    /// </summary>
    public async Task RestartNodeAgentAsync(bool crash = false, Func<Task>? whileDown = null)
    {
        if (crash)
        {
            await services["node-agent"].KillAsync();
        }

        await services["node-agent"].DisposeAsync();
        if (whileDown is not null)
        {
            await whileDown();
        }

        StartNodeAgent();
        await Eventually.TrueAsync(() => ClusterApi.AnswersAsync(new HttpClient(), $"http://127.0.0.1:{agentPort}/healthz"), TimeSpan.FromSeconds(60), "the node agent to answer");
    }

    /// <summary>
    /// Starts another gateway (its own HTTP, silo and Orleans gateway ports) that joins this cluster's silo
    /// through PostgreSQL; returns its HTTP URL. Only for clusters with <see cref="PlatformClusterOptions.PostgresStorage"/>.
    /// </summary>
    public async Task<Uri> StartExtraGatewayAsync(string name)
    {
        var url = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        var environment = ServiceEnvironment();
        environment["PLATFORM_GATEWAY_URL"] = url.ToString();
        environment["PLATFORM_GATEWAY_TLS_URL"] = $"https://127.0.0.1:{FreePorts.Next()}";
        environment["PLATFORM_ORLEANS_SILO_PORT"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        environment["PLATFORM_ORLEANS_GATEWAY_PORT"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        services[name] = ServiceProcess.Start(RepositoryLayout.ServiceAssembly("api-gateway", "Platform.ApiGateway"), environment, LogPath(name));
        await Eventually.TrueAsync(() => ClusterApi.AnswersAsync(new HttpClient(), new Uri(url, "/healthz").ToString()), TimeSpan.FromSeconds(60), $"{name} to answer");
        return url;
    }

    /// <summary>Stops a service started by name (an extra gateway), as `./platform down` would.</summary>
    public async Task StopServiceAsync(string name)
    {
        await services[name].DisposeAsync();
        services.Remove(name);
    }

    /// <summary>
    /// Starts another node agent (its own name, port and node directory) on the same cluster; returns its URL. With
    /// <paramref name="ownNetwork"/> it also gets a bridge and pod subnet of its own, as `./platform up` gives each
    /// further agent of PLATFORM_NODES, so its pods and the first node's can reach each other; else it shares the
    /// first node's bridge and subnet (enough for tests whose pods never talk across nodes).
    /// </summary>
    public async Task<Uri> StartExtraNodeAgentAsync(string nodeName, bool ownNetwork = false)
    {
        var port = FreePorts.Next();
        var environment = ServiceEnvironment();
        environment["PLATFORM_NODE_NAME"] = nodeName;
        environment["PLATFORM_NODE_AGENT_URL"] = $"http://127.0.0.1:{port}";
        if (ownNetwork)
        {
            if (!ownNetworks.TryGetValue(nodeName, out var lease))
            {
                ownNetworks[nodeName] = lease = PodNetworkLease.Take();
            }

            environment["PLATFORM_BRIDGE"] = lease.Bridge;
            environment["PLATFORM_POD_CIDR"] = lease.Subnet;
        }

        services[nodeName] = ServiceProcess.Start(RepositoryLayout.ServiceAssembly("node-agent", "Platform.NodeAgent"), environment, Path.Combine(home, $"{nodeName}.log"));
        await Eventually.TrueAsync(() => ClusterApi.AnswersAsync(new HttpClient(), $"http://127.0.0.1:{port}/healthz"), TimeSpan.FromSeconds(60), "the extra node agent to answer");
        return new Uri($"http://127.0.0.1:{port}");
    }

    /// <summary>The pod subnet of a node: its own when it was started with one, else the cluster's.</summary>
    public string PodSubnetOf(string nodeName) => ownNetworks.TryGetValue(nodeName, out var lease) ? lease.Subnet : network.Subnet;

    /// <summary>Stops an extra node agent, gracefully or as a crash (kill -9): its node stops sending heartbeats.</summary>
    public async Task StopExtraNodeAgentAsync(string nodeName, bool crash)
    {
        if (crash)
        {
            await services[nodeName].KillAsync();
        }

        await services[nodeName].DisposeAsync();
        services.Remove(nodeName);
    }

    /// <summary>Stops and removes everything the cluster started, as far as it got; only the first call does anything.</summary>
    public async Task DisposeAsync()
    {
        if (Interlocked.Exchange(ref tornDown, 1) == 1)
        {
            return;
        }

        var steps = new TeardownSteps();
        foreach (var service in services.Values.Reverse())
        {
            await steps.RunAsync(() => service.DisposeAsync().AsTask());
        }

        services.Clear();

        // Every node of the cluster (extra agents too) may have left containers and pod network namespaces.
        var nodes = Path.Combine(home, "nodes");
        var nodeDirectories = Directory.Exists(nodes) ? Directory.GetDirectories(nodes) : [];
        foreach (var node in nodeDirectories)
        {
            await steps.RunAsync(() => LeftoverContainers.RemoveAsync(node));
        }

        if (rabbitMq is not null)
        {
            await steps.RunAsync(rabbitMq.StopAsync);
        }

        if (postgres is not null)
        {
            await steps.RunAsync(() => postgres.DisposeAsync().AsTask());
        }

        foreach (var node in nodeDirectories)
        {
            var lease = ownNetworks.GetValueOrDefault(Path.GetFileName(node), network);
            await steps.RunAsync(() => lease.RemoveNetworkAsync(node));
        }

        // The bridges go even when no agent got as far as making a node directory.
        foreach (var lease in ownNetworks.Values.Append(network))
        {
            await steps.RunAsync(lease.RemoveBridgeAsync);
            steps.Run(lease.Dispose);
        }

        steps.Run(Http.Dispose);
        if (Environment.GetEnvironmentVariable("PLATFORM_KEEP_TEST_HOME") is null)
        {
            steps.Run(() => Directory.Delete(home, recursive: true));
        }

        steps.ThrowIfAnyFailed();
    }

    private async Task StartGatewayAsync()
    {
        Start("api-gateway", "Platform.ApiGateway");
        try
        {
            await Eventually.TrueAsync(() => ClusterApi.AnswersAsync(Http, "/healthz"), TimeSpan.FromSeconds(60), "the gateway to answer");
        }
        catch (TimeoutException e)
        {
            // The home (and the log) goes with the fixture: keep the reason in the failure itself.
            var log = File.Exists(LogPath("api-gateway")) ? File.ReadLines(LogPath("api-gateway")).TakeLast(60) : [];
            throw new TimeoutException($"{e.Message}; the end of its log:\n{string.Join('\n', log)}", e);
        }
    }

    /// <summary>The scheduler replicas, each with its log at HOME/NAME.log.</summary>
    public IReadOnlyList<string> SchedulerNames =>
        Enumerable.Range(1, options.Schedulers).Select(i => i == 1 ? "scheduler" : $"scheduler-{i}").ToList();

    public string LogPath(string service) => Path.Combine(home, $"{service}.log");

    private void StartNodeAgent()
    {
        var environment = ServiceEnvironment();
        foreach (var (name, value) in options.NodeAgentEnvironment)
        {
            environment[name] = value;
        }

        Start("node-agent", "Platform.NodeAgent", environment: environment);
    }

    private void Start(string folder, string assembly, string? name = null, Dictionary<string, string>? environment = null)
    {
        name ??= folder;
        services[name] = ServiceProcess.Start(RepositoryLayout.ServiceAssembly(folder, assembly), environment ?? ServiceEnvironment(), LogPath(name));
    }

    private Dictionary<string, string> ServiceEnvironment()
    {
        var environment = AllSettings();
        if (postgres is not null)
        {
            environment["PLATFORM_POSTGRES_URL"] = postgres.ConnectionString;
        }

        if (!options.RequireToken)
        {
            environment.Remove("PLATFORM_ADMIN_TOKEN_FILE");
        }

        return environment;
    }

    private Dictionary<string, string> AllSettings() => new()
    {
        ["PLATFORM_HOME"] = home,
        ["PLATFORM_RABBITMQ_URL"] = rabbitMq!.Url.ToString(),
        ["PLATFORM_GATEWAY_URL"] = GatewayUrl.ToString(),
        ["PLATFORM_GATEWAY_TLS_URL"] = GatewayTlsUrl.ToString(),
        ["PLATFORM_IMAGE_STORE_URL"] = $"http://127.0.0.1:{imageStorePort}",
        ["PLATFORM_NODE_AGENT_URL"] = $"http://127.0.0.1:{agentPort}",
        ["PLATFORM_NODE_NAME"] = NodeName,
        ["PLATFORM_ORLEANS_SILO_PORT"] = siloPort.ToString(CultureInfo.InvariantCulture),
        ["PLATFORM_ORLEANS_GATEWAY_PORT"] = orleansGatewayPort.ToString(CultureInfo.InvariantCulture),
        ["PLATFORM_ADMIN_TOKEN_FILE"] = Path.Combine(home, "admin.token"),
        ["PLATFORM_HEARTBEAT_MS"] = "1000",
        ["PLATFORM_METRICS_INTERVAL_MS"] = "1000",

        // An agent restarted by a test can take over 10 s (the product default) to heartbeat again on a
        // loaded 2-core CI machine; its pods must not be declared lost meanwhile. Node-loss tests wait for it.
        ["PLATFORM_NODE_GRACE_SECONDS"] = "30",
        ["PLATFORM_RUNTIME_BIN"] = RepositoryLayout.RuntimeBinary,
        ["PLATFORM_BRIDGE"] = network.Bridge,
        ["PLATFORM_POD_CIDR"] = network.Subnet,
        ["PLATFORM_SERVICE_CIDR"] = network.ServiceSubnet,
        ["Logging__LogLevel__Default"] = "Information",
    };
}

/// <summary>What differs between the clusters of the test collections.</summary>
public sealed record PlatformClusterOptions
{
    /// <summary>Scheduler replicas consuming the same queue.</summary>
    public int Schedulers { get; init; } = 1;

    /// <summary>Added to the node agent's environment (PLATFORM_NODE_LABELS, PLATFORM_NODE_TAINTS, ...).</summary>
    public IReadOnlyDictionary<string, string> NodeAgentEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>False: no token file, so the API is open (as it is when none is configured).</summary>
    public bool RequireToken { get; init; } = true;

    /// <summary>True: a private PostgreSQL holds the control plane's membership and state instead of SQLite.</summary>
    public bool PostgresStorage { get; init; }

    /// <summary>How long the start waits for the node to become Ready.</summary>
    public TimeSpan NodeReadyTimeout { get; init; } = TimeSpan.FromSeconds(60);
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<PlatformCluster>
{
    public const string Name = "cluster";
}
