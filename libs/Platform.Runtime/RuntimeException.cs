namespace Platform.Runtime;

/// <summary>A container operation failed; the message is meant for the user, on one line.</summary>
public sealed class RuntimeException(string message, Exception? inner = null) : Exception(message, inner);
