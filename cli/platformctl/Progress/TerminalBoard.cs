using Platform.Cli.Output;
using Spectre.Console;

namespace Platform.Cli.Progress;

/// <summary>
/// Progress bars on a terminal: one for the whole transfer (transfers finished out of all), and one
/// per blob with its phase and bytes moved.
/// </summary>
internal sealed class TerminalBoard(ProgressContext context) : ITransferBoard
{
    private ProgressTask? overall;

    public void Begin(int transfers, long bytes)
    {
        overall = context.AddTask(Markup.Escape($"All blobs, {HumanSize.Format(bytes)}"), maxValue: Math.Max(1, transfers));
        overall.Tag = TransferSizeColumn.CountsBlobs;
    }

    public ITransferLine Add(string action, string subject, long size)
    {
        var title = $"{action} {subject}";
        var task = context.AddTask(Markup.Escape(title), maxValue: Math.Max(1, size));
        return new Line(task, title, overall);
    }

    private sealed class Line(ProgressTask task, string title, ProgressTask? overall) : ITransferLine
    {
        public IProgress<long> Phase(string phase)
        {
            task.Description = Markup.Escape(phase.Length == 0 ? title : $"{title} {phase}");
            task.Value = 0;
            return new BarProgress(task);
        }

        public Task CompleteAsync(string outcome, CancellationToken cancellationToken)
        {
            task.Description = Markup.Escape($"{title} {outcome}");
            task.Value = task.MaxValue;
            task.StopTask();
            overall?.Increment(1);
            return Task.CompletedTask;
        }
    }

    /// <summary>Sets the bar as the bytes come, on the caller's thread (the bar is redrawn on Spectre's own).</summary>
    private sealed class BarProgress(ProgressTask task) : IProgress<long>
    {
        public void Report(long value) => task.Value = value;
    }
}
