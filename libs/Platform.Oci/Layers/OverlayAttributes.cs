using System.Runtime.InteropServices;
using System.Text;

namespace Platform.Oci.Layers;

/// <summary>Sets and reads the extended attributes overlayfs keeps its metadata in (trusted.overlay.*).</summary>
public static unsafe class OverlayAttributes
{
    public const string Opaque = "trusted.overlay.opaque";

    /// <summary>Reads an attribute of <paramref name="path"/> itself (a symlink is not followed); null when it is not set.</summary>
    public static string? Read(string path, string name)
    {
        var buffer = new byte[256];
        nint length;
        fixed (byte* value = buffer)
        {
            length = NativeMethods.lgetxattr(path, name, value, (nuint)buffer.Length);
        }
        if (length >= 0)
        {
            return Encoding.UTF8.GetString(buffer, 0, (int)length);
        }
        var errno = Marshal.GetLastPInvokeError();
        const int NoData = 61; // ENODATA: the attribute is not set
        return errno == NoData ? null : throw NativeError.Create("lgetxattr", path, errno);
    }

    internal static void Set(FileDescriptor file, string name, string value, string relativePath)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        int rc;
        fixed (byte* p = bytes)
        {
            rc = NativeMethods.fsetxattr(file.Value, name, p, (nuint)bytes.Length, 0);
        }
        if (rc < 0)
        {
            throw NativeError.Create("fsetxattr " + name, relativePath, Marshal.GetLastPInvokeError());
        }
    }
}
