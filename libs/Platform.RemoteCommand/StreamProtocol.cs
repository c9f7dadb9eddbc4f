namespace Platform.RemoteCommand;

/// <summary>
/// The WebSocket subprotocols of Kubernetes' exec/attach streams. Every binary message starts with a
/// channel byte: 0 stdin, 1 stdout, 2 stderr, 3 the final status (a metav1.Status as JSON), 4 terminal
/// resize (JSON width and height). v5 adds 255: "close channel N" (the client's end of stdin).
/// </summary>
public static class StreamProtocol
{
    public const string V5 = "v5.channel.k8s.io";
    public const string V4 = "v4.channel.k8s.io";

    public const byte Stdin = 0;
    public const byte Stdout = 1;
    public const byte Stderr = 2;
    public const byte Error = 3;
    public const byte Resize = 4;
    public const byte Close = 255;

    /// <summary>Newest first: what a client offers and the order a server prefers.</summary>
    public static readonly IReadOnlyList<string> Supported = [V5, V4];

    /// <summary>The protocol to answer with, or null when the client offers none of ours.</summary>
    public static string? Negotiate(IEnumerable<string> offered)
    {
        var set = offered.SelectMany(p => p.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        return Supported.FirstOrDefault(set.Contains);
    }
}
