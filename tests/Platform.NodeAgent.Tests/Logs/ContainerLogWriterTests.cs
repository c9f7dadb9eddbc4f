using System.Globalization;
using System.Text.RegularExpressions;
using Platform.NodeAgent.Logs;

namespace Platform.NodeAgent.Tests.Logs;

public sealed partial class ContainerLogWriterTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "platform-node-agent-tests-" + Guid.NewGuid().ToString("N"));

    [GeneratedRegex(@"^(?<stamp>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z) (?<stream>stdout|stderr) F (?<text>.*)$")]
    private static partial Regex CriLine();

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task WritesEachOutputLineInCriFormat()
    {
        var path = Path.Combine(directory, "pod", "logs", "main.log");
        await using (var writer = new ContainerLogWriter(path))
        {
            await writer.PumpAsync(new StringReader("first line\nsecond  line\n"), LogStream.Stdout);
            await writer.PumpAsync(new StringReader("oops"), LogStream.Stderr);
        }

        var lines = await File.ReadAllLinesAsync(path);

        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => Assert.Matches(CriLine(), line));
        Assert.All(lines, line => AssertUtcTimestamp(CriLine().Match(line).Groups["stamp"].Value));
        var parsed = lines.Select(line => CriLogLine.Parse(line)!.Value).ToList();
        Assert.Equal(["stdout", "stdout", "stderr"], parsed.Select(p => p.Stream));
        Assert.Equal(["first line", "second  line", "oops"], parsed.Select(p => p.Text));
        Assert.Equal(lines.Select(line => line[..30]), parsed.Select(p => p.Timestamp));
    }

    [Fact]
    public async Task KeepsEmptyLines()
    {
        var path = Path.Combine(directory, "empty.log");
        await using (var writer = new ContainerLogWriter(path))
        {
            await writer.PumpAsync(new StringReader("a\n\nb"), LogStream.Stdout);
        }

        var texts = (await File.ReadAllLinesAsync(path)).Select(line => CriLogLine.Parse(line)!.Value.Text);

        Assert.Equal(["a", string.Empty, "b"], texts);
    }

    [Fact]
    public async Task AppendsToAnExistingLog()
    {
        var path = Path.Combine(directory, "restarted.log");
        await using (var writer = new ContainerLogWriter(path))
        {
            await writer.PumpAsync(new StringReader("run 1"), LogStream.Stdout);
        }

        await using (var writer = new ContainerLogWriter(path))
        {
            await writer.PumpAsync(new StringReader("run 2"), LogStream.Stderr);
        }

        var parsed = (await File.ReadAllLinesAsync(path)).Select(line => CriLogLine.Parse(line)!.Value).ToList();

        Assert.Equal([("stdout", "run 1"), ("stderr", "run 2")], parsed.Select(p => (p.Stream, p.Text)));
    }

    [Fact]
    public async Task BothStreamsAtOnceNeverMixWithinALine()
    {
        var path = Path.Combine(directory, "both.log");
        var stdout = string.Join('\n', Enumerable.Range(0, 200).Select(i => $"out {i} " + new string('o', 100)));
        var stderr = string.Join('\n', Enumerable.Range(0, 200).Select(i => $"err {i} " + new string('e', 100)));
        await using (var writer = new ContainerLogWriter(path))
        {
            await Task.WhenAll(
                Task.Run(() => writer.PumpAsync(new StringReader(stdout), LogStream.Stdout)),
                Task.Run(() => writer.PumpAsync(new StringReader(stderr), LogStream.Stderr)));
        }

        var lines = await File.ReadAllLinesAsync(path);

        Assert.Equal(400, lines.Length);
        Assert.All(lines, line => Assert.Matches(CriLine(), line));
        var parsed = lines.Select(line => CriLogLine.Parse(line)!.Value).ToList();
        Assert.Equal(
            Enumerable.Range(0, 200).Select(i => $"out {i} " + new string('o', 100)),
            parsed.Where(p => p.Stream == "stdout").Select(p => p.Text));
        Assert.Equal(
            Enumerable.Range(0, 200).Select(i => $"err {i} " + new string('e', 100)),
            parsed.Where(p => p.Stream == "stderr").Select(p => p.Text));
    }

    private static void AssertUtcTimestamp(string stamp)
    {
        // .NET parses at most 7 fractional digits; the CRI stamp has 9.
        Assert.True(DateTimeOffset.TryParseExact(stamp[..27] + "Z", "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var parsed), stamp);
        Assert.Equal(TimeSpan.Zero, parsed.Offset);
    }
}
