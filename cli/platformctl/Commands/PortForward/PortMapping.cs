using System.Globalization;

namespace Platform.Cli.Commands.PortForward;

/// <summary>A "[LOCAL:]REMOTE" argument: the local port (0 picks a free one, as ":REMOTE" does) and the pod's port.</summary>
internal sealed record PortMapping(int Local, int Remote)
{
    public static PortMapping Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var localText = colon < 0 ? text : text[..colon];
        var remoteText = colon < 0 ? text : text[(colon + 1)..];
        var local = localText.Length == 0 ? 0 : Port(localText, text, allowZero: true);
        return new PortMapping(local, Port(remoteText, text, allowZero: false));
    }

    private static int Port(string value, string text, bool allowZero) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535 && (port > 0 || allowZero)
            ? port
            : throw new CliException($"invalid port mapping \"{text}\": expected [LOCAL_PORT:]REMOTE_PORT, ports from 1 to 65535");
}
