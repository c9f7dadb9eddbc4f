namespace Platform.NodeAgent.Logs;

/// <summary>One parsed line of a CRI-format log file.</summary>
public readonly record struct CriLogLine(string Timestamp, string Stream, string Text)
{
    public static CriLogLine? Parse(string line)
    {
        var parts = line.Split(' ', 4);
        return parts.Length == 4 ? new CriLogLine(parts[0], parts[1], parts[3]) : null;
    }
}
