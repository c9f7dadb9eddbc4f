namespace Platform.Testing;

/// <summary>
/// Starts a test fixture so that a failed start leaves nothing behind. xUnit 2 disposes a class or collection
/// fixture whose InitializeAsync threw, but not a test class that is its own IAsyncLifetime, nor a fixture a test
/// starts by hand; and a process killed after the failure (a CI time-out) disposes nothing. So the start tears down
/// at once what it began (the teardown must be idempotent: xUnit may call it again), and keeps its own exception,
/// whose message says why the start failed.
/// </summary>
public static class FixtureStart
{
    public static async Task RunAsync(Func<Task> start, Func<Task> tearDown)
    {
        try
        {
            await start();
        }
        catch (Exception failure)
        {
            try
            {
                await tearDown();
            }
            catch (Exception teardownFailure)
            {
                throw new AggregateException($"{failure.Message} (tearing down what had started failed too: {teardownFailure.Message})", failure, teardownFailure);
            }

            throw;
        }
    }
}
