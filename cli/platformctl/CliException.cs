namespace Platform.Cli;

/// <summary>A failure the user can act on; printed as "error: message" with exit code 1.</summary>
internal sealed class CliException(string message) : Exception(message);
