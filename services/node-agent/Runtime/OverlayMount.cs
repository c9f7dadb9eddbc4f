using System.Runtime.InteropServices;
using System.Text;
using Tmds.Linux;

namespace Platform.NodeAgent.Runtime;

/// <summary>
/// The container's root filesystem: the image's layers as read-only lower directories (shared by all
/// containers of the image) under the container's own upper directory, where its writes land.
/// </summary>
public static unsafe class OverlayMount
{
    public static void Mount(string lowerDirs, string upper, string work, string target)
    {
        Directory.CreateDirectory(upper);
        Directory.CreateDirectory(work);
        Directory.CreateDirectory(target);
        var options = $"lowerdir={lowerDirs},upperdir={upper},workdir={work}";
        fixed (byte* source = Encode("overlay"))
        fixed (byte* path = Encode(target))
        fixed (byte* data = Encode(options))
        {
            if (LibC.mount(source, path, source, 0, data) != 0)
            {
                throw new ContainerStartException("CreateContainerError", $"cannot mount the overlay root filesystem: {Marshal.GetPInvokeErrorMessage(LibC.errno)}");
            }
        }
    }

    /// <summary>Detaches the mount; a mount already gone is fine.</summary>
    public static void Unmount(string target)
    {
        fixed (byte* path = Encode(target))
        {
            _ = LibC.umount2(path, 2);
        }
    }

    public static bool IsMounted(string target)
    {
        // Mount points in mountinfo escape spaces as \040; container paths here have none.
        var full = Path.GetFullPath(target);
        return File.ReadLines("/proc/self/mountinfo").Any(line => line.Split(' ')[4] == full);
    }

    private static byte[] Encode(string value) => Encoding.UTF8.GetBytes(value + "\0");
}
