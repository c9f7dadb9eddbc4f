using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Platform.Oci.Tests.Support;

/// <summary>Builds layer tarballs entry by entry, hostile ones included, in memory.</summary>
public sealed class LayerBuilder
{
    public static readonly DateTimeOffset DefaultTime = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private readonly List<PaxTarEntry> entries = [];

    public LayerBuilder Directory(string name, UnixFileMode mode = Modes.Directory, int uid = 0, int gid = 0, DateTimeOffset? time = null) =>
        Add(new PaxTarEntry(TarEntryType.Directory, name), mode, uid, gid, time);

    public LayerBuilder File(string name, string content, UnixFileMode mode = Modes.File, int uid = 0, int gid = 0, DateTimeOffset? time = null) =>
        File(name, Encoding.UTF8.GetBytes(content), mode, uid, gid, time);

    public LayerBuilder File(string name, byte[] content, UnixFileMode mode = Modes.File, int uid = 0, int gid = 0, DateTimeOffset? time = null)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) };
        return Add(entry, mode, uid, gid, time);
    }

    public LayerBuilder Symlink(string name, string target, int uid = 0, int gid = 0, DateTimeOffset? time = null) =>
        Add(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target }, Modes.Symlink, uid, gid, time);

    public LayerBuilder HardLink(string name, string target) =>
        Add(new PaxTarEntry(TarEntryType.HardLink, name) { LinkName = target }, Modes.File, 0, 0, null);

    public LayerBuilder Fifo(string name, UnixFileMode mode = Modes.File) =>
        Add(new PaxTarEntry(TarEntryType.Fifo, name), mode, 0, 0, null);

    public LayerBuilder Device(TarEntryType type, string name, int major, int minor) =>
        Add(new PaxTarEntry(type, name) { DeviceMajor = major, DeviceMinor = minor }, Modes.File, 0, 0, null);

    public byte[] ToTar()
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                entry.DataStream?.Seek(0, SeekOrigin.Begin);
                writer.WriteEntry(entry);
            }
        }
        return buffer.ToArray();
    }

    public byte[] ToGzip() => Gzip(ToTar());

    public byte[] ToZstd()
    {
        using var compressor = new ZstdSharp.Compressor();
        return compressor.Wrap(ToTar()).ToArray();
    }

    public static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }
        return buffer.ToArray();
    }

    private LayerBuilder Add(PaxTarEntry entry, UnixFileMode mode, int uid, int gid, DateTimeOffset? time)
    {
        entry.Mode = mode;
        entry.Uid = uid;
        entry.Gid = gid;
        entry.ModificationTime = time ?? DefaultTime;
        entries.Add(entry);
        return this;
    }
}
