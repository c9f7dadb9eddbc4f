using System.Runtime.InteropServices;
using System.Text;
using Tmds.Linux;

namespace Platform.Build.Files;

/// <summary>Owners of files written into an image's filesystem (the link itself for symbolic links).</summary>
public static unsafe class FileOwner
{
    public static void Set(string path, uint uid, uint gid)
    {
        fixed (byte* p = Encoding.UTF8.GetBytes(path + "\0"))
        {
            if (LibC.lchown(p, uid, gid) != 0)
            {
                throw new IOException($"lchown {path}: {Marshal.GetPInvokeErrorMessage(LibC.errno)}");
            }
        }
    }
}
