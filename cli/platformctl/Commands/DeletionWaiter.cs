namespace Platform.Cli.Commands;

/// <summary>Polls an object until the server answers 404, as kubectl delete --wait does.</summary>
internal static class DeletionWaiter
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task WaitUntilGoneAsync(CliContext context, string path, string description, CancellationToken cancellationToken)
    {
        var clock = context.Host.Clock;
        var deadline = clock.GetUtcNow() + Timeout;
        while (await context.Api.FindAsync(path, cancellationToken) is not null)
        {
            if (clock.GetUtcNow() >= deadline)
            {
                throw new CliException($"timed out waiting for {description} to be deleted");
            }

            await Task.Delay(PollInterval, clock, cancellationToken);
        }
    }
}
