using Platform.Api.Model;

namespace Platform.Cli.Client;

/// <summary>The server refused a request; carries the Kubernetes Status it answered with.</summary>
internal sealed class ApiException(Status status) : Exception(status.Message)
{
    public Status Status { get; } = status;

    public bool IsNotFound => Status.Code == 404;

    /// <summary>A 404 that names no object: the server has no such path (the gateway's fallback answer).</summary>
    public bool IsUnknownPath => IsNotFound && string.IsNullOrEmpty(Status.Details?.Name);

    public bool IsAlreadyExists => Status.Code == 409 && Status.Reason == "AlreadyExists";

    /// <summary>"Error from server (Reason): message", as kubectl prints it.</summary>
    public string DisplayLine => string.IsNullOrEmpty(Status.Reason)
        ? $"Error from server: {Status.Message}"
        : $"Error from server ({Status.Reason}): {Status.Message}";
}
