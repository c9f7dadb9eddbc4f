namespace Platform.Messaging;

/// <summary>
/// Whether a message path (a consumer's connection to the broker) has been working without a break
/// for a given time. A controller that judges others by the messages they send (heartbeats) asks it
/// first: silence while its own path was broken is no evidence against the sender.
/// </summary>
public sealed class MessagePathHealth
{
    private readonly Lock gate = new();
    private DateTimeOffset? healthySince;

    /// <summary>Records one observation of the path; a break resets the clock.</summary>
    public void Observe(bool healthy, DateTimeOffset now)
    {
        lock (gate)
        {
            healthySince = healthy ? healthySince ?? now : null;
        }
    }

    /// <summary>True when every observation of the last <paramref name="period"/> found the path working.</summary>
    public bool HealthyThroughout(TimeSpan period, DateTimeOffset now)
    {
        lock (gate)
        {
            return healthySince is { } since && now - since >= period;
        }
    }
}
