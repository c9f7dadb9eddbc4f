using System.Text.Json;

namespace Platform.RemoteCommand;

/// <summary>A resize message (channel 4): {"Width":W,"Height":H}, as kubectl sends it.</summary>
public readonly record struct TerminalSize(ushort Width, ushort Height)
{
    public byte[] ToJson() => System.Text.Encoding.UTF8.GetBytes($"{{\"Width\":{Width},\"Height\":{Height}}}");

    public static TerminalSize? Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            return new TerminalSize(root.GetProperty("Width").GetUInt16(), root.GetProperty("Height").GetUInt16());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }
}
