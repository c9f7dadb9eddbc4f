using MassTransit;

namespace Platform.Messaging;

/// <summary>
/// Publish and send with an upper bound on the wait for the broker's confirmation. RabbitMQ.Client 7.2
/// can leave a publisher confirmation pending forever when the broker restarts mid-publish
/// (rabbitmq-dotnet-client#1930), which would stall a sequential sender (heartbeats, status reports) for
/// good. A bounded attempt fails with <see cref="TimeoutException"/> instead, and the caller's retry
/// goes out on the channel of the recovered connection. Every consumer is idempotent, so a message
/// that was in fact delivered before the timeout is harmless when sent again.
/// </summary>
public static class BoundedDelivery
{
    /// <summary>Long enough for a loaded broker to confirm, short enough that a stuck attempt is retried soon.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static Task PublishWithin<T>(
        this IPublishEndpoint bus, T message, TimeSpan timeout, CancellationToken cancellationToken, Action<PublishContext<T>>? configure = null)
        where T : class =>
        Bounded<T>(timeout, cancellationToken, token => configure is null
            ? bus.Publish(message, token)
            : bus.Publish(message, configure, token));

    public static async Task SendWithin<T>(
        this ISendEndpointProvider endpoints, Uri address, T message, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class =>
        await Bounded<T>(timeout, cancellationToken, async token =>
        {
            var endpoint = await endpoints.GetSendEndpoint(address);
            await endpoint.Send(message, token);
        });

    private static async Task Bounded<T>(TimeSpan timeout, CancellationToken cancellationToken, Func<CancellationToken, Task> deliver)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            // WaitAsync too: the bound must hold even where a library layer does not observe the token.
            await deliver(bounded.Token).WaitAsync(bounded.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The message broker did not confirm {typeof(T).Name} within {timeout.TotalSeconds:0.#} s");
        }
    }
}
