using System.Globalization;
using System.Text;

namespace Platform.Runtime.Lifecycle;

/// <summary>
/// A container log in the CRI format the kubelet writes (`2026-01-02T03:04:05.123456789Z stdout F text`),
/// one line per output line, both streams interleaved. Written by the shim, so it grows with or without an agent.
/// </summary>
public sealed class CriLog : IDisposable
{
    private readonly FileStream file;
    private readonly Lock gate = new();

    public CriLog(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
    }

    public void Write(string stream, string line)
    {
        var stamp = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'", CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes($"{stamp} {stream} F {line}\n");
        lock (gate)
        {
            file.Write(bytes);
            file.Flush();
        }
    }

    /// <summary>Copies a pipe line by line until every writer has closed it.</summary>
    public Thread Pump(Stream pipe, string stream)
    {
        var thread = new Thread(() => Copy(pipe, stream)) { IsBackground = true, Name = $"log {stream}" };
        thread.Start();
        return thread;
    }

    private void Copy(Stream pipe, string stream)
    {
        using var reader = new StreamReader(pipe, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            Write(stream, line);
        }
    }

    public void Dispose() => file.Dispose();
}
