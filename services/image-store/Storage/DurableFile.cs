namespace Platform.ImageStore.Storage;

/// <summary>
/// Small files written so that a crash leaves either the old content or the new, never a torn one:
/// write a temporary file, flush it to disk, then rename it over the target.
/// </summary>
public static class DurableFile
{
    public static async Task WriteAsync(StoreLayout layout, string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var temporary = layout.TemporaryFile();
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                await file.WriteAsync(content, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Flushes a file written earlier to disk before it is renamed into place.</summary>
    public static void Flush(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None, bufferSize: 0);
        file.Flush(flushToDisk: true);
    }
}
