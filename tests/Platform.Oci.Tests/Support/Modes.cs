namespace Platform.Oci.Tests.Support;

public static class Modes
{
    public const UnixFileMode Directory = (UnixFileMode)0b111_101_101;
    public const UnixFileMode File = (UnixFileMode)0b110_100_100;
    public const UnixFileMode Symlink = (UnixFileMode)0b111_111_111;
}
