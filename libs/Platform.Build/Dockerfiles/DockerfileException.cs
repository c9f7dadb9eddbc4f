namespace Platform.Build.Dockerfiles;

/// <summary>A Dockerfile that cannot be parsed or built; names the line and column (both from 1) it is about.</summary>
public sealed class DockerfileException(string message, int line, int column)
    : Exception($"Dockerfile:{line}:{column}: {message}")
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    public string Reason { get; } = message;
}
