using System.Text.RegularExpressions;

namespace Platform.Oci.References;

/// <summary>
/// The pieces of the Docker reference grammar (distribution/reference), each checked on its own
/// so that an error can name the piece that is wrong.
/// </summary>
internal static partial class ReferenceGrammar
{
    /// <summary>The grammar's limit on the whole name (host and repository).</summary>
    public const int MaxNameLength = 255;

    public const int MaxTagLength = 128;

    /// <summary>
    /// A registry host: domain components separated by dots, or a bracketed IPv6 address, with an
    /// optional port.
    /// </summary>
    [GeneratedRegex(@"^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[0-9a-fA-F:.]+\])(?::[0-9]+)?$")]
    public static partial Regex Host();

    /// <summary>One path component: lowercase alphanumerics joined by '.', '_', '__' or runs of '-'.</summary>
    [GeneratedRegex("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$")]
    public static partial Regex PathComponent();

    [GeneratedRegex(@"^[\w][\w.-]{0,127}$")]
    public static partial Regex Tag();

    /// <summary>
    /// Docker's rule for telling a registry host from the first path component: a host has a dot
    /// or a port, or is "localhost". (Docker also counts uppercase as a host; here uppercase is an
    /// error instead, because a first component with capitals is far more often a mistyped
    /// repository than a registry.)
    /// </summary>
    public static bool LooksLikeHost(string firstComponent) =>
        firstComponent.Contains('.') || firstComponent.Contains(':') || firstComponent == "localhost";
}
