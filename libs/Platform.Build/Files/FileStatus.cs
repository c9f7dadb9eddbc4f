using System.Runtime.InteropServices;
using System.Text;
using Tmds.Linux;

namespace Platform.Build.Files;

/// <summary>What lstat says about a path: the facts .NET's file APIs do not show (type, owner, device numbers, inode, links).</summary>
public sealed record FileStatus(uint Mode, uint Uid, uint Gid, ulong Device, ulong Inode, ulong Links, ulong DeviceNumber)
{
    private const uint TypeMask = 0xF000;

    public bool IsRegularFile => (Mode & TypeMask) == 0x8000;

    public bool IsDirectory => (Mode & TypeMask) == 0x4000;

    public bool IsSymbolicLink => (Mode & TypeMask) == 0xA000;

    /// <summary>overlayfs writes a deletion as a 0/0 character device.</summary>
    public bool IsWhiteout => (Mode & TypeMask) == 0x2000 && DeviceNumber == 0;

    public UnixFileMode Permissions => (UnixFileMode)(Mode & 0xFFF);

    public static FileStatus Lstat(string path) =>
        TryLstat(path) ?? throw new IOException($"lstat {path}: {Marshal.GetPInvokeErrorMessage(LibC.errno)}");

    public static unsafe FileStatus? TryLstat(string path)
    {
        stat status;
        fixed (byte* p = Encoding.UTF8.GetBytes(path + "\0"))
        {
            if (LibC.lstat(p, &status) != 0)
            {
                return null;
            }
        }

        return new FileStatus((ushort)status.st_mode, status.st_uid, status.st_gid, status.st_dev, (ulong)status.st_ino, (ulong)status.st_nlink, status.st_rdev);
    }
}
