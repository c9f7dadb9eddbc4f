using System.Collections.Concurrent;

namespace Platform.Oci.Store;

/// <summary>
/// Runs at most one piece of work per key at a time in this process: a second caller for the same
/// key waits for the first instead of doing the work again.
/// </summary>
internal sealed class SingleFlight
{
    private readonly ConcurrentDictionary<string, Task> running = new(StringComparer.Ordinal);

    /// <returns>True when this call did the work, false when it waited for another caller's.</returns>
    public async Task<bool> RunAsync(string key, Func<Task> work, CancellationToken cancellationToken)
    {
        while (true)
        {
            var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var current = running.GetOrAdd(key, mine.Task);
            if (current != mine.Task)
            {
                if (await WaitForOtherAsync(current, cancellationToken))
                {
                    return false;
                }
                continue;
            }
            await RunOwnAsync(key, work, mine);
            return true;
        }
    }

    /// <summary>True when the other caller finished; false when it was cancelled, so this caller should try itself.</summary>
    private static async Task<bool> WaitForOtherAsync(Task other, CancellationToken cancellationToken)
    {
        try
        {
            await other.WaitAsync(cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task RunOwnAsync(string key, Func<Task> work, TaskCompletionSource completion)
    {
        try
        {
            await work();
            completion.SetResult();
        }
        catch (OperationCanceledException e)
        {
            completion.SetCanceled(e.CancellationToken);
            throw;
        }
        catch (Exception e)
        {
            completion.SetException(e);
            throw;
        }
        finally
        {
            running.TryRemove(new KeyValuePair<string, Task>(key, completion.Task));
        }
    }
}
