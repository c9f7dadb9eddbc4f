using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Platform.NodeAgent.Runtime;
using Tmds.Linux;

namespace Platform.NodeAgent.Volumes;

/// <summary>A memory-backed emptyDir: a tmpfs on the node, bind-mounted into each container of the pod that mounts it.</summary>
public static unsafe class TmpfsMount
{
    private const ulong NoSuid = 2;
    private const ulong NoDev = 4;

    /// <summary>Without a size the kernel's default applies: half the node's memory.</summary>
    public static void Mount(string target, long? sizeBytes, string volumeName)
    {
        var options = "mode=0777" + (sizeBytes is { } size ? string.Create(CultureInfo.InvariantCulture, $",size={size}") : string.Empty);
        fixed (byte* source = Encode("tmpfs"))
        fixed (byte* path = Encode(target))
        fixed (byte* data = Encode(options))
        {
            if (LibC.mount(source, path, source, (ulong_t)(NoSuid | NoDev), data) != 0)
            {
                throw HostPathCheck.Failed(volumeName, $"cannot mount a tmpfs: {Marshal.GetPInvokeErrorMessage(LibC.errno)}");
            }
        }
    }

    public static void Unmount(string target) => OverlayMount.Unmount(target);

    public static bool IsMounted(string target) => OverlayMount.IsMounted(target);

    private static byte[] Encode(string value) => Encoding.UTF8.GetBytes(value + "\0");
}
