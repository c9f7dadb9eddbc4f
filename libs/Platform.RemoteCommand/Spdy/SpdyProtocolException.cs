namespace Platform.RemoteCommand.Spdy;

/// <summary>The peer broke SPDY/3.1's framing or header compression; the session cannot go on.</summary>
public sealed class SpdyProtocolException(string message, Exception? inner = null) : Exception(message, inner);
