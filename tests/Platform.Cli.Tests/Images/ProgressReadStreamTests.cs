using Platform.Cli.Images;

namespace Platform.Cli.Tests.Images;

public sealed class ProgressReadStreamTests
{
    [Fact]
    public async Task ReportsHowFarTheReadsGotAndStartsOverWhenRewound()
    {
        var reports = new List<long>();
        using var inner = new MemoryStream(new byte[10]);
        var stream = new ProgressReadStream(inner, new Recorder(reports));
        var buffer = new byte[4];

        while (await stream.ReadAsync(buffer) > 0)
        {
        }

        stream.Position = 0;
        _ = stream.Read(buffer);

        Assert.Equal([4, 8, 10, 10, 0, 4], reports);
        Assert.Equal(10, stream.Length);
    }

    /// <summary>Records each report on the calling thread (Progress&lt;T&gt; would post it to the thread pool).</summary>
    private sealed class Recorder(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }
}
