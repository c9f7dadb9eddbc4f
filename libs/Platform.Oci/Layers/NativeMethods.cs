using System.Runtime.InteropServices;

namespace Platform.Oci.Layers;

/// <summary>The libc calls that Tmds.LibC 0.5.0 lacks: extended attributes and syncfs.</summary>
internal static unsafe partial class NativeMethods
{
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int fsetxattr(int fd, string name, byte* value, nuint size, int flags);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint lgetxattr(string path, string name, byte* value, nuint size);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int syncfs(int fd);
}
