using System.IO.Pipelines;
using Microsoft.Win32.SafeHandles;

namespace Platform.ImageStore.Api;

/// <summary>
/// A whole blob as a response body, read in large chunks straight from the file into the response
/// pipe: a fraction of the copies, system calls and thread hops of the framework's 64 KiB
/// asynchronous file copy, which matters on a small node where the client's hashing competes for
/// the same cores.
/// </summary>
public sealed class BlobContent(string path) : IResult
{
    private const int ChunkSize = 1 << 20;

    public async Task ExecuteAsync(HttpContext context)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, FileOptions.SequentialScan);
        var length = RandomAccess.GetLength(file);
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = length;
        context.Response.Headers.AcceptRanges = "bytes";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await CopyAsync(file, length, context.Response.BodyWriter, context.RequestAborted);
        }
    }

    /// <summary>Reads each chunk of the file straight into the response pipe's memory: no intermediate buffer.</summary>
    private static async Task CopyAsync(SafeFileHandle file, long length, PipeWriter body, CancellationToken cancellationToken)
    {
        for (long offset = 0; offset < length;)
        {
            var memory = body.GetMemory(ChunkSize);
            var read = RandomAccess.Read(file, memory.Span[..(int)Math.Min(memory.Length, length - offset)], offset);
            if (read == 0)
            {
                break; // the file is shorter than it was: the response ends short and the client sees it
            }

            body.Advance(read);
            offset += read;
            Hosting.RegistryMetrics.BlobBytesServed.Add(read);
            var flushed = await body.FlushAsync(cancellationToken);
            if (flushed.IsCompleted || flushed.IsCanceled)
            {
                break;
            }
        }
    }
}
