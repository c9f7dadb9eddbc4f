using System.Net.Sockets;

namespace Platform.Cli.Client;

/// <summary>Turns a failure to talk to the server at all into one readable line.</summary>
internal static class TransportFailure
{
    public static ServerUnreachableException Describe(HttpRequestException failure, string server)
    {
        var cause = Cause(failure);
        var hint = cause == "connection refused" ? "; is it running? Start it with ./platform up" : string.Empty;
        return new ServerUnreachableException($"cannot reach the Platform API at {server} ({cause}){hint}");
    }

    public static ServerUnreachableException TimedOut(string server, TimeSpan timeout) =>
        new($"the Platform API at {server} did not answer within {timeout.TotalSeconds:0}s");

    /// <summary>What went wrong in a few words: "connection refused", "unknown host", ...</summary>
    public static string Cause(HttpRequestException failure)
    {
        if (FindSocketError(failure) is { } socketError)
        {
            return socketError switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "unknown host",
                SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
                SocketError.TimedOut => "connection timed out",
                SocketError.ConnectionReset => "connection reset",
                _ => socketError.ToString(),
            };
        }

        return failure.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "unknown host",
            HttpRequestError.SecureConnectionError => "TLS handshake failed",
            HttpRequestError.ResponseEnded => "the server closed the connection",
            _ => failure.Message.TrimEnd('.'),
        };
    }

    private static SocketError? FindSocketError(Exception? exception) => exception switch
    {
        null => null,
        SocketException socket => socket.SocketErrorCode,
        _ => FindSocketError(exception.InnerException),
    };
}
