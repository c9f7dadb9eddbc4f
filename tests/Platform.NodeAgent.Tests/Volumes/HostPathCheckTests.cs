using Platform.Api.Model;
using Platform.NodeAgent.Runtime;
using Platform.NodeAgent.Volumes;

namespace Platform.NodeAgent.Tests.Volumes;


/// <summary>Kubernetes' hostPath types on a real directory.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class HostPathCheckTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("host-path-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string At(string name) => Path.Combine(root, name);

    private static string Refused(string path, string? type) =>
        Assert.Throws<ContainerStartException>(() => HostPathCheck.Apply("vol", new HostPathVolumeSource { Path = path, Type = type })).Message;

    [Fact]
    public void Create_types_make_what_is_missing()
    {
        HostPathCheck.Apply("vol", new HostPathVolumeSource { Path = At("a/b"), Type = "DirectoryOrCreate" });
        HostPathCheck.Apply("vol", new HostPathVolumeSource { Path = At("unset") });
        HostPathCheck.Apply("vol", new HostPathVolumeSource { Path = At("file"), Type = "FileOrCreate" });

        Assert.True(Directory.Exists(At("a/b")));
        Assert.True(Directory.Exists(At("unset")));
        Assert.True(File.Exists(At("file")));
        Assert.Equal((UnixFileMode)0x1a4, File.GetUnixFileMode(At("file")));
    }

    [Fact]
    public void Existing_paths_of_the_right_kind_pass()
    {
        File.WriteAllText(At("file"), "x");
        HostPathCheck.Apply("vol", new HostPathVolumeSource { Path = root, Type = "Directory" });
        HostPathCheck.Apply("vol", new HostPathVolumeSource { Path = At("file"), Type = "File" });
        HostPathCheck.Apply("vol", new HostPathVolumeSource { Path = At("file"), Type = "" });
    }

    [Fact]
    public void Missing_or_wrong_kinds_are_refused_with_kubernetes_words()
    {
        File.WriteAllText(At("file"), "x");

        Assert.Equal($"MountVolume.SetUp failed for volume \"vol\": hostPath type check failed: {At("none")} does not exist", Refused(At("none"), "Directory"));
        Assert.Equal($"MountVolume.SetUp failed for volume \"vol\": hostPath type check failed: {At("none")} does not exist", Refused(At("none"), "File"));
        Assert.Equal($"MountVolume.SetUp failed for volume \"vol\": hostPath type check failed: {At("file")} is not a directory", Refused(At("file"), "Directory"));
        Assert.Equal($"MountVolume.SetUp failed for volume \"vol\": hostPath type check failed: {At("file")} is not a directory", Refused(At("file"), "DirectoryOrCreate"));
        Assert.Equal($"MountVolume.SetUp failed for volume \"vol\": hostPath type check failed: {root} is not a file", Refused(root, "FileOrCreate"));
        Assert.Equal($"MountVolume.SetUp failed for volume \"vol\": hostPath type check failed: the parent directory of {At("no/file")} does not exist", Refused(At("no/file"), "FileOrCreate"));
        Assert.False(Directory.Exists(At("none")));
    }
}
