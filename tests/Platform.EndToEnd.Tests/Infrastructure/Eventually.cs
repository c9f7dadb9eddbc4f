namespace Platform.EndToEnd.Tests.Infrastructure;

/// <summary>Waits for a condition the system reaches asynchronously, checking often, failing with what was awaited.</summary>
public static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        await ValueAsync(async () => await condition() ? true : (bool?)null, timeout, what);
    }

    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        Exception? last = null;
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                if (await probe() is { } value)
                {
                    return value;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e;
            }

            await Task.Delay(Poll, CancellationToken.None);
        }

        throw new TimeoutException($"gave up waiting for {what} after {timeout}", last);
    }
}
