namespace Platform.RemoteCommand.Spdy;

/// <summary>A SPDY/3.1 frame (draft-mbelshe-httpbis-spdy-00 and the 3.1 session window).</summary>
public abstract record SpdyFrame;

/// <summary>Bytes of a stream; Fin ends the sender's side of it.</summary>
public sealed record SpdyDataFrame(uint StreamId, bool Fin, ReadOnlyMemory<byte> Data) : SpdyFrame;

/// <summary>Opens a stream (type 1); the receiver answers with SYN_REPLY or RST_STREAM.</summary>
public sealed record SpdySynStreamFrame(uint StreamId, uint AssociatedStreamId, byte Priority, bool Fin, bool Unidirectional, SpdyHeaderBlock Headers) : SpdyFrame;

/// <summary>Accepts a stream (type 2).</summary>
public sealed record SpdySynReplyFrame(uint StreamId, bool Fin, SpdyHeaderBlock Headers) : SpdyFrame;

/// <summary>Ends a stream abnormally at once (type 3).</summary>
public sealed record SpdyRstStreamFrame(uint StreamId, SpdyResetStatus Status) : SpdyFrame;

/// <summary>Session settings (type 4): id and value per entry.</summary>
public sealed record SpdySettingsFrame(IReadOnlyList<KeyValuePair<uint, uint>> Entries) : SpdyFrame;

/// <summary>Liveness (type 6): the receiver of a peer's ping sends it back unchanged.</summary>
public sealed record SpdyPingFrame(uint Id) : SpdyFrame;

/// <summary>The sender takes no new streams past LastGoodStreamId (type 7).</summary>
public sealed record SpdyGoAwayFrame(uint LastGoodStreamId, uint Status) : SpdyFrame;

/// <summary>More headers of a stream (type 8).</summary>
public sealed record SpdyHeadersFrame(uint StreamId, bool Fin, SpdyHeaderBlock Headers) : SpdyFrame;

/// <summary>Flow control (type 9): stream 0 is SPDY/3.1's session window.</summary>
public sealed record SpdyWindowUpdateFrame(uint StreamId, uint Delta) : SpdyFrame;

/// <summary>A control frame type this side does not know; SPDY says to ignore it.</summary>
public sealed record SpdyUnknownFrame(ushort Type) : SpdyFrame;

public enum SpdyResetStatus : uint
{
    ProtocolError = 1,
    InvalidStream = 2,
    RefusedStream = 3,
    UnsupportedVersion = 4,
    Cancel = 5,
    InternalError = 6,
    FlowControlError = 7,
    StreamInUse = 8,
    StreamAlreadyClosed = 9,
    FrameTooLarge = 11,
}
