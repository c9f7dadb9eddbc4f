using Platform.Api.Model;

namespace Platform.Cli.Client;

/// <summary>The server refused a request; carries the Kubernetes Status it answered with.</summary>
internal sealed class ApiException(Status status) : Exception(status.Message)
{
    public Status Status { get; } = status;

    public bool IsNotFound => Status.Code == 404;

    /// <summary>"Error from server (Reason): message", as kubectl prints it.</summary>
    public string DisplayLine => string.IsNullOrEmpty(Status.Reason)
        ? $"Error from server: {Status.Message}"
        : $"Error from server ({Status.Reason}): {Status.Message}";
}
