namespace Platform.Cli.Progress;

/// <summary>
/// Where a command shows its transfers while they run: progress bars when stderr is a terminal,
/// one line per finished transfer otherwise (<see cref="TransferDisplay"/> picks). Never stdout.
/// </summary>
internal interface ITransferBoard
{
    /// <summary>Announces what is coming: <paramref name="transfers"/> lines of <paramref name="bytes"/> in all.</summary>
    void Begin(int transfers, long bytes);

    /// <param name="action">What is done, e.g. "Copying blob" or "Compressing".</param>
    /// <param name="subject">To what, e.g. "sha256:0123456789ab…" or a file name.</param>
    /// <param name="size">The bytes to move, as far as known.</param>
    ITransferLine Add(string action, string subject, long size);
}

/// <summary>One transfer on the board: its phases (downloading, uploading...) and how it ended.</summary>
internal interface ITransferLine
{
    /// <summary>Starts a phase ("downloading"; empty when the action says it all); the returned progress takes the bytes moved so far in it.</summary>
    IProgress<long> Phase(string phase);

    /// <param name="outcome">How it ended: "done", "already exists", "mounted from team/app".</param>
    Task CompleteAsync(string outcome, CancellationToken cancellationToken);
}
