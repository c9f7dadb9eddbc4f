using System.Globalization;

namespace Platform.NodeAgent.Metrics;

/// <summary>
/// A pod's network bytes, read as /proc/&lt;pid&gt;/net/dev of one of its processes: that file shows the network
/// namespace of the process, so the agent need not enter the pod's namespace.
/// </summary>
public static class NetworkCounters
{
    /// <summary>Received and transmitted bytes summed over every interface but loopback.</summary>
    public static (long Received, long Transmitted) ParseNetDev(string text)
    {
        long received = 0, transmitted = 0;
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon < 0 || line[..colon].Trim() == "lo")
            {
                continue;
            }

            var fields = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 9
                && long.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rx)
                && long.TryParse(fields[8], NumberStyles.Integer, CultureInfo.InvariantCulture, out var tx))
            {
                received += rx;
                transmitted += tx;
            }
        }

        return (received, transmitted);
    }

    /// <summary>The counters seen by <paramref name="pid"/>; zeros when it has gone.</summary>
    public static (long Received, long Transmitted) Read(int pid)
    {
        try
        {
            return ParseNetDev(File.ReadAllText($"/proc/{pid}/net/dev"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (0, 0);
        }
    }
}
