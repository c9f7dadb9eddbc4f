using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Platform.Cli.Tests.Support;

/// <summary>Small root filesystem tarballs built in code, byte for byte the same on every run.</summary>
internal static class TestTarballs
{
    public static readonly DateTimeOffset Older = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Newest = new(2024, 5, 17, 10, 30, 15, TimeSpan.Zero);

    /// <summary>bin/, bin/hello (newest), etc/passwd and a symlink: a root filesystem in miniature.</summary>
    public static byte[] RootFileSystem(DateTimeOffset? newest = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Ustar, leaveOpen: true))
        {
            writer.WriteEntry(Entry(TarEntryType.Directory, "bin/", Older, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
            writer.WriteEntry(File("bin/hello", "#!/bin/sh\necho hello\n", newest ?? Newest));
            writer.WriteEntry(Entry(TarEntryType.Directory, "etc/", Older, UnixFileMode.UserRead | UnixFileMode.UserExecute));
            writer.WriteEntry(File("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n", Older));
            var link = Entry(TarEntryType.SymbolicLink, "bin/hi", Older, UnixFileMode.UserRead);
            link.LinkName = "hello";
            writer.WriteEntry(link);
        }

        return buffer.ToArray();
    }

    public static byte[] Gzip(byte[] tar)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(tar);
        }

        return buffer.ToArray();
    }

    public static byte[] Gunzip(string path)
    {
        using var file = System.IO.File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new MemoryStream();
        gzip.CopyTo(tar);
        return tar.ToArray();
    }

    private static UstarTarEntry File(string name, string content, DateTimeOffset modified)
    {
        var entry = Entry(TarEntryType.RegularFile, name, modified, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        entry.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        return entry;
    }

    private static UstarTarEntry Entry(TarEntryType type, string name, DateTimeOffset modified, UnixFileMode mode) => new(type, name)
    {
        ModificationTime = modified,
        Mode = mode,
        Uid = 0,
        Gid = 0,
        UserName = "",
        GroupName = "",
    };
}
