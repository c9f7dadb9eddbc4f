namespace Platform.NodeAgent.Exec;

/// <summary>An exec as the query string asks for it: command=..&amp;command=..&amp;stdin=&amp;stdout=&amp;stderr=&amp;tty=.</summary>
public sealed record ExecRequest(IReadOnlyList<string> Command, bool Stdin, bool Stdout, bool Stderr, bool Tty)
{
    public static ExecRequest From(IQueryCollection query) => new(
        query["command"].Where(c => c is not null).Select(c => c!).ToList(),
        IsTrue(query["stdin"]),
        IsTrue(query["stdout"]),
        IsTrue(query["stderr"]),
        IsTrue(query["tty"]));

    private static bool IsTrue(string? value) => value is "true" or "1" or "True";
}
