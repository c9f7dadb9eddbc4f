namespace Platform.Grains.Persistence;

/// <summary>
/// Persists a grain's state for many interleaved callers at once, as a group commit does: each caller changes the
/// state in memory and awaits <see cref="WriteAsync"/>, which completes once a write that began after its change
/// has completed. Callers that arrive while a write is in flight share the one queued behind it, so a burst of N
/// changes costs two writes instead of N (a hot index grain wrote its whole key set once per pod before).
/// Runs on the grain's own scheduler, so no lock is needed; at most one write is in flight.
/// </summary>
public sealed class SharedWrite(Func<Task> write)
{
    private Task inFlight = Task.CompletedTask;
    private Task? queued;

    /// <summary>Completes once everything changed before this call is persisted.</summary>
    public Task WriteAsync()
    {
        if (queued is not null)
        {
            return queued;
        }

        if (inFlight.IsCompleted)
        {
            inFlight = write();
            return inFlight;
        }

        queued = WriteAfterAsync(inFlight);
        return queued;
    }

    /// <summary>Completes once what earlier callers changed is persisted (for a caller that changed nothing itself).</summary>
    public Task FlushedAsync() => queued ?? inFlight;

    private async Task WriteAfterAsync(Task previous)
    {
        try
        {
            await previous;
        }
        catch
        {
            // Its own callers see that failure; this write carries every change made since, and stands alone.
        }

        inFlight = queued!;
        queued = null;
        await write();
    }
}
