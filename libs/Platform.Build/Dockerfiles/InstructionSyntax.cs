namespace Platform.Build.Dockerfiles;

/// <summary>Which instructions exist, which flags each takes, and which may be written in JSON exec form.</summary>
internal static class InstructionSyntax
{
    public static readonly IReadOnlyDictionary<string, string[]> Flags = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["FROM"] = ["platform"],
        ["RUN"] = ["network"],
        ["COPY"] = ["from", "chown", "chmod", "link"],
        ["ADD"] = ["chown", "chmod", "link"],
        ["HEALTHCHECK"] = ["interval", "timeout", "start-period", "start-interval", "retries"],
        ["ARG"] = [],
        ["ENV"] = [],
        ["LABEL"] = [],
        ["EXPOSE"] = [],
        ["USER"] = [],
        ["VOLUME"] = [],
        ["WORKDIR"] = [],
        ["ENTRYPOINT"] = [],
        ["CMD"] = [],
        ["STOPSIGNAL"] = [],
        ["SHELL"] = [],
        ["MAINTAINER"] = [],
    };

    public static readonly IReadOnlySet<string> JsonForms = new HashSet<string>(StringComparer.Ordinal)
    {
        "RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME",
    };

    /// <summary>Known to Docker but not built here; named in the error instead of "unknown instruction".</summary>
    public static readonly IReadOnlySet<string> Unsupported = new HashSet<string>(StringComparer.Ordinal) { "ONBUILD" };
}
