using Platform.Cli.Output;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Platform.Cli.Progress;

/// <summary>
/// The amount column of the progress bars: bytes moved of the blob's size, in the units the rest of
/// platformctl prints ("12.3MB/57.2MB"), or blobs finished for the overall bar ("1/2 blobs").
/// </summary>
internal sealed class TransferSizeColumn : ProgressColumn
{
    /// <summary>The tag of the overall bar, whose values count blobs, not bytes.</summary>
    public static readonly object CountsBlobs = new();

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        var done = (long)task.Value;
        var total = (long)task.MaxValue;
        var text = ReferenceEquals(task.Tag, CountsBlobs)
            ? $"{done}/{total} blobs"
            : $"{HumanSize.Format(done)}/{HumanSize.Format(total)}";
        return new Text(text);
    }
}
