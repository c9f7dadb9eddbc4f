using System.Runtime.ExceptionServices;

namespace Platform.Testing;

/// <summary>
/// A fixture's teardown that runs every step even when an earlier one fails (a broker that never started must not
/// keep the bridge or the temporary home from being removed), then throws what failed.
/// </summary>
public sealed class TeardownSteps
{
    private readonly List<Exception> failures = [];

    public async Task RunAsync(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception e)
        {
            failures.Add(e);
        }
    }

    public void Run(Action step)
    {
        try
        {
            step();
        }
        catch (Exception e)
        {
            failures.Add(e);
        }
    }

    public void ThrowIfAnyFailed()
    {
        if (failures.Count == 1)
        {
            ExceptionDispatchInfo.Throw(failures[0]);
        }

        if (failures.Count > 1)
        {
            throw new AggregateException("several teardown steps failed", failures);
        }
    }
}
