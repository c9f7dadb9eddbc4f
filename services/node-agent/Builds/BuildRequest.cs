using Platform.Oci.References;

namespace Platform.NodeAgent.Builds;

/// <summary>What a client asked to build: the tag to push, build arguments, the target stage and the cache options.</summary>
public sealed record BuildRequest(ImageReference Tag, IReadOnlyDictionary<string, string> BuildArgs, string? Target, bool NoCache, bool Explain);

/// <summary>A build that cannot go on: a failed RUN (its exit code and last output), a missing file, a missing base image.</summary>
public sealed class BuildFailedException(string message, IReadOnlyList<string>? lastOutput = null) : Exception(message)
{
    public IReadOnlyList<string> LastOutput { get; } = lastOutput ?? [];
}

/// <summary>Where a build's progress lines go (the client's response stream).</summary>
public interface IBuildOutput
{
    Task WriteLineAsync(string line, CancellationToken cancellationToken);
}
