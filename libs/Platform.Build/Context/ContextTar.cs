namespace Platform.Build.Context;

/// <summary>The wire form of a build context: a tar whose first entry is the Dockerfile under a reserved name.</summary>
public static class ContextTar
{
    /// <summary>The Dockerfile travels as this first entry, so that <c>-f</c> may name a file outside the context.</summary>
    public const string DockerfileEntry = ".platform-build-dockerfile";

    public const string IgnoreFile = ".dockerignore";
}
