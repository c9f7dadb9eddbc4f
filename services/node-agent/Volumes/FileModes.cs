namespace Platform.NodeAgent.Volumes;

/// <summary>Unix permissions of volume directories; the agent runs on Linux only, the guard keeps the analyzer honest.</summary>
public static class FileModes
{
    /// <summary>rwxrwxrwx: emptyDirs and named volumes are writable by whatever user the container runs as, as in Kubernetes.</summary>
    public const UnixFileMode OpenToAllUsers = (UnixFileMode)0x1ff;

    public const UnixFileMode Directory = (UnixFileMode)0x1ed;
    public const UnixFileMode File = (UnixFileMode)0x1a4;

    public static void Set(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(path, mode);
        }
    }

    public static void CreateDirectory(string path, UnixFileMode mode)
    {
        System.IO.Directory.CreateDirectory(path);
        Set(path, mode);
    }
}
