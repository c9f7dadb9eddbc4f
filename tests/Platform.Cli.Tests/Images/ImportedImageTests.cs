using System.Security.Cryptography;
using System.Text;
using Platform.Cli.Images;
using Platform.Cli.Tests.Support;
using Platform.Oci.Model;
using Platform.Oci.References;

namespace Platform.Cli.Tests.Images;

public sealed class ImportedImageTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ConfigAndManifestAreExactlyTheOciDocuments()
    {
        var tar = TestTarballs.RootFileSystem();
        var layer = await ImportAsync("rootfs.tar", tar);

        var image = ImportedImage.Assemble(layer, "rootfs.tar", ["/bin/hello"]);

        var diffId = "sha256:" + Hex(tar);
        var expectedConfig =
            "{\"created\":\"2024-05-17T10:30:15+00:00\",\"architecture\":\"amd64\",\"os\":\"linux\","
            + "\"config\":{\"Env\":[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"],\"Cmd\":[\"/bin/hello\"]},"
            + $"\"rootfs\":{{\"type\":\"layers\",\"diff_ids\":[\"{diffId}\"]}},"
            + "\"history\":[{\"created\":\"2024-05-17T10:30:15+00:00\",\"created_by\":\"imported from rootfs.tar\"}]}";
        Assert.Equal(expectedConfig, Encoding.UTF8.GetString(image.Config));
        var configDigest = "sha256:" + Hex(Encoding.UTF8.GetBytes(expectedConfig));
        Assert.Equal(configDigest, image.ConfigDescriptor.Digest);

        var layerBytes = await File.ReadAllBytesAsync(layer.Path);
        var expectedManifest =
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + $"\"config\":{{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"{configDigest}\",\"size\":{expectedConfig.Length}}},"
            + $"\"layers\":[{{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:{Hex(layerBytes)}\",\"size\":{layerBytes.Length}}}]}}";
        Assert.Equal(expectedManifest, Encoding.UTF8.GetString(image.Manifest.Content));
        Assert.Equal("sha256:" + Hex(Encoding.UTF8.GetBytes(expectedManifest)), image.Digest.ToString());
        Assert.Equal(MediaTypes.OciManifest, image.Manifest.MediaType);
    }

    [Fact]
    public async Task WithoutCmdTheConfigHasNone()
    {
        var layer = await ImportAsync("rootfs.tar", TestTarballs.RootFileSystem());

        var image = ImportedImage.Assemble(layer, "rootfs.tar", []);

        var config = ImageConfigReader.Parse(image.Config);
        Assert.Null(config.Config!.Cmd);
        Assert.Equal([ImportedImage.DefaultPath], config.Config.Env);
    }

    [Fact]
    public async Task TheSameTarballGivesTheSameDigest()
    {
        var tar = TestTarballs.RootFileSystem();
        var first = ImportedImage.Assemble(await ImportAsync("a/rootfs.tar", tar), "rootfs.tar", ["sh"]);
        var second = ImportedImage.Assemble(await ImportAsync("b/rootfs.tar", tar), "rootfs.tar", ["sh"]);

        Assert.Equal(first.Digest, second.Digest);
        Assert.Equal(first.Layer.Digest, second.Layer.Digest);
    }

    [Fact]
    public async Task PlainAndGzipOfOneTarShareDiffIdAndConfig()
    {
        var tar = TestTarballs.RootFileSystem();
        var plain = ImportedImage.Assemble(await ImportAsync("rootfs.tar", tar), "rootfs", null);
        var gzip = ImportedImage.Assemble(await ImportAsync("rootfs.tar.gz", TestTarballs.Gzip(tar)), "rootfs", null);

        Assert.Equal(plain.Layer.DiffId, gzip.Layer.DiffId);
        Assert.Equal(plain.ConfigDescriptor, gzip.ConfigDescriptor);
    }

    [Fact]
    public async Task ANewerFileGivesAnotherImage()
    {
        var before = ImportedImage.Assemble(await ImportAsync("a/rootfs.tar", TestTarballs.RootFileSystem()), "rootfs.tar", null);
        var later = TestTarballs.Newest.AddDays(1);
        var after = ImportedImage.Assemble(await ImportAsync("b/rootfs.tar", TestTarballs.RootFileSystem(later)), "rootfs.tar", null);

        Assert.NotEqual(before.Digest, after.Digest);
        Assert.Equal(later, ImageConfigReader.Parse(after.Config).Created);
    }

    private async Task<ImportedLayer> ImportAsync(string relativePath, byte[] content)
    {
        var path = _temp.File(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content);
        var work = _temp.Subdirectory("work-" + Guid.NewGuid().ToString("N"));
        return await LayerImport.PrepareAsync(path, work, null, CancellationToken.None);
    }

    private static string Hex(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
