namespace Platform.Cli.Client;

/// <summary>The server could not be reached or did not answer; no later request will do better.</summary>
internal sealed class ServerUnreachableException(string message) : Exception(message);
