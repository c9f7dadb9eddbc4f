using System.Globalization;

namespace Platform.Testing;

/// <summary>
/// A private PostgreSQL for one test run, started and stopped by the project's own infra/postgres.sh in a
/// directory of its own (the server runs as user postgres, so the directory is opened to it), then deleted.
/// </summary>
public sealed class PostgresInstance : IAsyncDisposable
{
    private readonly string directory = Path.Combine("/tmp", "platform-postgres-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly int port = FreePorts.Next();
    private int disposed;

    public string ConnectionString => $"Host=127.0.0.1;Port={port};Username=postgres;Database=platform;Pooling=true";

    public static async Task<PostgresInstance> StartAsync()
    {
        var instance = new PostgresInstance();
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("PostgreSQL for the tests runs on Linux only");
        }

        Directory.CreateDirectory(instance.directory, (UnixFileMode)0b111_101_101);
        await FixtureStart.RunAsync(
            async () =>
            {
                await instance.RunAsync("install");
                await instance.RunAsync("start");
            },
            () => instance.DisposeAsync().AsTask());
        return instance;
    }

    public Task StopAsync() => RunAsync("stop");

    public Task StartAgainAsync() => RunAsync("start");

    /// <summary>Stops the server (a no-op when it never started) and removes its directory; only the first call does anything.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        var steps = new TeardownSteps();
        await steps.RunAsync(() => RunAsync("stop"));
        steps.Run(() => Directory.Delete(directory, recursive: true));
        steps.ThrowIfAnyFailed();
    }

    private async Task RunAsync(string verb)
    {
        var result = await Tool.RunAsync("bash", [RepositoryLayout.Script("infra/postgres.sh"), verb], new Dictionary<string, string>
        {
            ["POSTGRES_INSTANCE_DIR"] = Path.Combine(directory, "instance"),
            ["POSTGRES_PORT"] = port.ToString(CultureInfo.InvariantCulture),
        });
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"infra/postgres.sh {verb} failed ({result.ExitCode}): {result.Output}{result.Errors}");
        }
    }
}
