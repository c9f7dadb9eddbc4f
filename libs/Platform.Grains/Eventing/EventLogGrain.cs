using System.Globalization;
using Platform.Api.Model;
using Platform.Grains.Abstractions;

namespace Platform.Grains.Eventing;

/// <summary>
/// Keeps the newest events of a namespace. A repeat of the same reason and message for the same object
/// bumps its count and last time instead of adding a line, as Kubernetes' event correlator does.
/// Writes are batched on a short timer: events are advisory and many arrive together.
/// </summary>
public sealed class EventLogGrain(
    [PersistentState("events", StorageNames.ControlPlane)] IPersistentState<List<Event>> state) : Grain, IEventLogGrain
{
    private const int MaxEvents = 1000;
    private static readonly TimeSpan FlushDelay = TimeSpan.FromSeconds(1);
    private IGrainTimer? flush;

    public Task Record(Event item)
    {
        var events = state.State;
        var same = events.FindLast(e => e.InvolvedObject.Uid == item.InvolvedObject.Uid && e.Reason == item.Reason && e.Message == item.Message);
        if (same is not null)
        {
            same.Count = (same.Count ?? 1) + 1;
            same.LastTimestamp = item.LastTimestamp;
        }
        else
        {
            item.Metadata.Name = $"{item.InvolvedObject.Name}.{Random.Shared.NextInt64():x16}";
            item.Metadata.Uid = Guid.NewGuid().ToString();
            item.Metadata.CreationTimestamp = item.FirstTimestamp;
            item.Metadata.ResourceVersion = events.Count.ToString(CultureInfo.InvariantCulture);
            events.Add(item);
            if (events.Count > MaxEvents)
            {
                events.RemoveRange(0, events.Count - MaxEvents);
            }
        }

        flush ??= this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(FlushDelay, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Event>> List() => Task.FromResult<IReadOnlyList<Event>>(state.State.ToList());

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (flush is not null)
        {
            await Flush();
        }
    }

    private async Task Flush()
    {
        flush?.Dispose();
        flush = null;
        await state.WriteStateAsync();
    }
}
