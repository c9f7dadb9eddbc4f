using Platform.Api.Model;

namespace Platform.Cli.Output;

/// <summary>The columns of `volume ls`: [NAMESPACE] NAME NODE SIZE USED BY AGE.</summary>
internal static class VolumeColumns
{
    public static string Table(IEnumerable<NamedVolume> volumes, bool withNamespace, DateTimeOffset now)
    {
        string[] headers = ["NAME", "NODE", "SIZE", "USED BY", "AGE"];
        return TableWriter.Render(withNamespace ? ["NAMESPACE", .. headers] : headers, volumes.Select(v => Row(v, withNamespace, now)));
    }

    private static IReadOnlyList<string> Row(NamedVolume volume, bool withNamespace, DateTimeOffset now)
    {
        string[] cells =
        [
            volume.Metadata.Name ?? string.Empty,
            TableWriter.OrNone(volume.Status.NodeName),
            HumanSize.Format(volume.Status.SizeBytes),
            volume.Status.Users.Count == 0 ? TableWriter.None : string.Join(',', volume.Status.Users.Select(u => u[(u.IndexOf('/') + 1)..])),
            Age.Since(volume.Metadata.CreationTimestamp, now),
        ];
        return withNamespace ? [volume.Metadata.Namespace ?? string.Empty, .. cells] : cells;
    }
}
