using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Platform.ImageStore.Tests.Infrastructure;

/// <summary>
/// The image store as a process on a free loopback port, with a temporary PLATFORM_HOME (removed
/// afterwards) and an admin token file, plus HTTP clients: anonymous, and with admin Basic credentials.
/// </summary>
public class RegistryProcess : IAsyncLifetime
{
    private readonly Dictionary<string, string> settings;
    private readonly bool withToken;
    private ServiceProcess? service;
    private int disposed;

    public RegistryProcess(Dictionary<string, string>? settings = null, bool withToken = true)
    {
        this.settings = settings ?? [];
        this.withToken = withToken;
        Anonymous = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Admin = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Admin.DefaultRequestHeaders.Authorization = Basic("admin", Token);
    }

    public string Home { get; } = Directory.CreateTempSubdirectory("image-store-test-").FullName;

    public int Port { get; } = FreePorts.Next();

    public string Token { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>host:port, as skopeo names the registry.</summary>
    public string Host => $"127.0.0.1:{Port}";

    public string StoreRoot => Path.Combine(Home, "image-store");

    public HttpClient Anonymous { get; }

    /// <summary>The service's process id, to read its memory figures from /proc.</summary>
    public int ProcessId => service!.Id;

    public HttpClient Admin { get; }

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    public Task InitializeAsync() => FixtureStart.RunAsync(
        async () =>
        {
            if (withToken)
            {
                await File.WriteAllTextAsync(Path.Combine(Home, "admin.token"), Token + "\n");
            }

            await StartAsync();
        },
        DisposeAsync);

    /// <summary>SIGKILL, then start again on the same state: what a crash and a restart do.</summary>
    public async Task CrashAndRestartAsync()
    {
        await service!.KillAsync();
        await service.DisposeAsync();
        await StartAsync();
    }

    /// <summary>Stops the process and removes the home; only the first call does anything.</summary>
    public async Task DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        var steps = new TeardownSteps();
        if (service is not null)
        {
            await steps.RunAsync(() => service.DisposeAsync().AsTask());
        }

        steps.Run(Anonymous.Dispose);
        steps.Run(Admin.Dispose);
        if (Environment.GetEnvironmentVariable("PLATFORM_KEEP_TEST_HOME") is null)
        {
            steps.Run(() => Directory.Delete(Home, recursive: true));
        }

        steps.ThrowIfAnyFailed();
    }

    private async Task StartAsync()
    {
        service = ServiceProcess.Start(RepositoryLayout.ImageStoreAssembly, ServiceEnvironment(), Path.Combine(Home, "image-store.log"));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await AnswersAsync())
        {
            await Task.Delay(100, deadline.Token);
        }
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            return (await Anonymous.GetAsync("/healthz")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private Dictionary<string, string> ServiceEnvironment()
    {
        var environment = new Dictionary<string, string>(settings)
        {
            ["PLATFORM_HOME"] = Home,
            ["PLATFORM_IMAGE_STORE_URL"] = BaseAddress.ToString(),
            ["Logging__LogLevel__Default"] = "Information",
        };
        if (withToken)
        {
            environment["PLATFORM_ADMIN_TOKEN_FILE"] = Path.Combine(Home, "admin.token");
        }

        return environment;
    }

    /// <summary>Settings for a registry whose garbage collection spares nothing for age and never runs on its own.</summary>
    public static Dictionary<string, string> ImmediateGarbageCollection() => new()
    {
        ["PLATFORM_IMAGE_STORE_GC_GRACE_SECONDS"] = "0",
        ["PLATFORM_IMAGE_STORE_GC_INTERVAL_SECONDS"] = (24 * 3600).ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>One registry shared by the tests of the collection: the default configuration, anonymous pull.</summary>
public sealed class SharedRegistry : RegistryProcess;

[CollectionDefinition(Name)]
public sealed class RegistryCollection : ICollectionFixture<SharedRegistry>
{
    public const string Name = "registry";
}
