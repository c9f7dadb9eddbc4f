using System.Globalization;
using System.Text;

namespace Platform.NodeAgent.Logs;

public enum LogStream
{
    Stdout,
    Stderr,
}

/// <summary>
/// Writes a container's output in the CRI log format the kubelet uses
/// (`2026-01-02T03:04:05.123456789Z stdout F text`), one line per output line, both streams interleaved.
/// </summary>
public sealed class ContainerLogWriter : IAsyncDisposable
{
    private readonly StreamWriter writer;
    private readonly SemaphoreSlim gate = new(1, 1);

    public ContainerLogWriter(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite), new UTF8Encoding(false))
        {
            AutoFlush = true,
        };
    }

    public async Task PumpAsync(TextReader output, LogStream stream)
    {
        var tag = stream == LogStream.Stdout ? "stdout" : "stderr";
        while (await output.ReadLineAsync() is { } line)
        {
            await WriteAsync(tag, line);
        }
    }

    private async Task WriteAsync(string tag, string line)
    {
        var stamp = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'", CultureInfo.InvariantCulture);
        await gate.WaitAsync();
        try
        {
            await writer.WriteLineAsync($"{stamp} {tag} F {line}");
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await writer.DisposeAsync();
        gate.Dispose();
    }
}
