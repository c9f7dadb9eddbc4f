using System.Formats.Tar;

namespace Platform.Oci.Layers;

/// <summary>The parts of a tar header that decide whether and how an entry is unpacked.</summary>
public sealed record LayerEntryHeader(TarEntryType Type, string Name, string LinkName = "", long Length = 0)
{
    public static LayerEntryHeader From(TarEntry entry) => new(entry.EntryType, entry.Name, entry.LinkName, entry.Length);
}
