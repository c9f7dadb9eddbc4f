using System.Runtime.InteropServices;
using Tmds.Linux;

namespace Platform.Oci.Layers;

/// <summary>Turns a failed system call into an exception that names the call, the entry and the errno text.</summary>
internal static class NativeError
{
    public static IOException Create(string operation, string path, int errno) =>
        new($"{operation} '{LayerPath.Printable(path)}': {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})") { HResult = errno };

    public static void ThrowIfFailed(int result, string operation, string path)
    {
        if (result < 0)
        {
            throw Create(operation, path, LibC.errno);
        }
    }
}
