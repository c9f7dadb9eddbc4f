using Platform.Api.Model;
using Platform.NodeAgent.Runtime;

namespace Platform.NodeAgent.Volumes;

/// <summary>Kubernetes' hostPath types: what must already be at the path, or what is created there when nothing is.</summary>
public static class HostPathCheck
{

    public static void Apply(string volumeName, HostPathVolumeSource source)
    {
        var path = source.Path!;
        var exists = File.Exists(path) || Directory.Exists(path);
        switch (source.Type ?? HostPathTypes.Unset)
        {
            case HostPathTypes.Unset when !exists:
            case HostPathTypes.DirectoryOrCreate when !exists:
                // Docker and containerd create a missing bind source as a directory.
                FileModes.CreateDirectory(path, FileModes.Directory);
                break;
            case HostPathTypes.FileOrCreate when !exists:
                CreateFile(volumeName, path);
                break;
            case HostPathTypes.Directory when !exists:
            case HostPathTypes.File when !exists:
                throw Failed(volumeName, $"hostPath type check failed: {path} does not exist");
        }

        switch (source.Type)
        {
            case HostPathTypes.Directory or HostPathTypes.DirectoryOrCreate when !Directory.Exists(path):
                throw Failed(volumeName, $"hostPath type check failed: {path} is not a directory");
            case HostPathTypes.File or HostPathTypes.FileOrCreate when !File.Exists(path):
                throw Failed(volumeName, $"hostPath type check failed: {path} is not a file");
        }
    }

    public static ContainerStartException Failed(string volumeName, string detail) =>
        new("CreateContainerConfigError", $"MountVolume.SetUp failed for volume \"{volumeName}\": {detail}");

    /// <summary>As Kubernetes: the file is created, but not its parent directory.</summary>
    private static void CreateFile(string volumeName, string path)
    {
        if (!Directory.Exists(Path.GetDirectoryName(path)))
        {
            throw Failed(volumeName, $"hostPath type check failed: the parent directory of {path} does not exist");
        }

        using (File.Create(path))
        {
        }

        FileModes.Set(path, FileModes.File);
    }
}
