using Platform.Cli.Output;

namespace Platform.Cli.Progress;

/// <summary>
/// Progress for a log or a pipe: one line per finished transfer ("Copying blob sha256:0123456789ab… 12.3MB done"),
/// nothing while it runs.
/// </summary>
internal sealed class LineBoard(TextWriter error) : ITransferBoard
{
    public void Begin(int transfers, long bytes)
    {
        // A log needs no announcement: every transfer gets its own line when it ends.
    }

    public ITransferLine Add(string action, string subject, long size) => new Line(error, $"{action} {subject} {HumanSize.Format(size)}");

    private sealed class Line(TextWriter error, string text) : ITransferLine
    {
        public IProgress<long> Phase(string phase) => new Progress<long>();

        public async Task CompleteAsync(string outcome, CancellationToken cancellationToken) =>
            await error.WriteLineAsync($"{text} {outcome}".AsMemory(), cancellationToken);
    }
}
