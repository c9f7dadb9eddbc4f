using Tmds.Linux;

namespace Platform.Oci.Tests.Support;

/// <summary>What lstat says about a path: the facts .NET's file APIs do not show (owner, device numbers, inode).</summary>
public sealed record FileStatus(uint Mode, uint Uid, uint Gid, ulong Inode, ulong DeviceNumber, long ModificationSeconds)
{
    public bool IsCharacterDevice => (Mode & 0xF000) == 0x2000;

    public bool IsFifo => (Mode & 0xF000) == 0x1000;

    public UnixFileMode Permissions => (UnixFileMode)(Mode & 0xFFF);

    public static unsafe FileStatus Lstat(string path)
    {
        stat status;
        var bytes = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        fixed (byte* p = bytes)
        {
            if (LibC.lstat(p, &status) != 0)
            {
                throw new IOException($"lstat {path}: errno {LibC.errno}");
            }
        }
        return new FileStatus((ushort)status.st_mode, status.st_uid, status.st_gid, (ulong)status.st_ino,
            status.st_rdev, (long)status.st_mtim.tv_sec);
    }
}
