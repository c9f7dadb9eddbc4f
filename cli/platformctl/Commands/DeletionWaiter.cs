namespace Platform.Cli.Commands;

/// <summary>Polls an object until the server answers 404, as kubectl delete --wait does.</summary>
internal static class DeletionWaiter
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task WaitUntilGoneAsync(CliContext context, ManifestTarget target, CancellationToken cancellationToken)
    {
        var clock = context.Host.Clock;
        var deadline = clock.GetUtcNow() + Timeout;
        while (await context.Resources.FindAsync(target.Kind, target.Namespace, target.Name, cancellationToken) is not null)
        {
            if (clock.GetUtcNow() >= deadline)
            {
                throw new CliException($"timed out waiting for {target.Quoted} to be deleted");
            }

            await Task.Delay(PollInterval, clock, cancellationToken);
        }
    }
}
