using Platform.Cli.Config;

namespace Platform.Cli.Tests.Support;

/// <summary>Runs platformctl in process against a fake API, capturing stdout, stderr and the exit code.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> RunAsync(
        FakeApi api, string[] args, IReadOnlyDictionary<string, string>? environment = null, string stdin = "")
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var host = new CliHost(
            new StringReader(stdin),
            output,
            error,
            CliEnvironment.FromDictionary(environment ?? new Dictionary<string, string>(), "/nonexistent-home"),
            new FixedClock(TestObjects.Now),
            TimeZoneInfo.Utc,
            () => api);
        var exitCode = await CliApp.RunAsync(args, host, CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
