using Platform.Oci.Layers;
using Platform.Oci.References;

namespace Platform.Oci.Tests.Support;

/// <summary>
/// A temp directory holding <c>layers/</c> (where layers are unpacked) next to <c>outside/</c> (what
/// an escaping entry would hit), so a test can check that a refused layer left nothing anywhere.
/// </summary>
public sealed class UnpackSandbox : IDisposable
{
    private readonly TempDirectory root = new("platform-oci-unpack-");

    public UnpackSandbox()
    {
        Directory.CreateDirectory(Layers);
        Directory.CreateDirectory(Outside);
    }

    public string Layers => root.Combine("layers");

    public string Outside => root.Combine("outside");

    public string LayerDirectory => Path.Combine(Layers, "layer");

    public string SandboxPath => root.Path;

    public async Task<UnpackedLayer> UnpackAsync(byte[] blob, LayerLimits? limits = null, Digest? diffId = null)
    {
        using var stream = new MemoryStream(blob);
        return await new LayerUnpacker(limits).UnpackAsync(stream, LayerDirectory, diffId, CancellationToken.None);
    }

    public async Task<LayerRejectedException> AssertRefusedAsync(byte[] blob, LayerLimits? limits = null)
    {
        var error = await Assert.ThrowsAsync<LayerRejectedException>(() => UnpackAsync(blob, limits));
        AssertNothingLeft();
        return error;
    }

    /// <summary>No layer, no staging directory, nothing beside the layers or in outside/.</summary>
    public void AssertNothingLeft()
    {
        Assert.Empty(Directory.EnumerateFileSystemEntries(Layers));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Outside));
        Assert.Equal(["layers", "outside"], Directory.EnumerateFileSystemEntries(root.Path).Select(Path.GetFileName).Order());
    }

    public string InLayer(string relative) => Path.Combine(LayerDirectory, relative);

    public void Dispose() => root.Dispose();
}
