using System.Text;
using Platform.Oci.Model;
using Platform.Oci.References;

namespace Platform.Oci.Tests.Model;

public sealed class ManifestDocumentTests
{
    private const string D1 = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string D2 = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    private const string D3 = "sha256:3333333333333333333333333333333333333333333333333333333333333333";

    private static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);

    private static readonly string OciManifest = $$$"""
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
         "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{{D1}}}","size":7023},
         "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"{{{D2}}}","size":32654,
                    "annotations":{"org.example":"x"}},
                   {"mediaType":"application/vnd.oci.image.layer.v1.tar+zstd","digest":"{{{D3}}}","size":16724}],
         "annotations":{"com.example.key1":"value1"}}
        """;

    private static readonly string DockerManifest = $$$"""
        {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",
         "config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":1469,"digest":"{{{D1}}}"},
         "layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":2479,"digest":"{{{D2}}}"}]}
        """;

    private static string Index(string mediaType) => $$$"""
        {"schemaVersion":2,"mediaType":"{{{mediaType}}}",
         "manifests":[
           {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"{{{D1}}}","size":7143,"platform":{"architecture":"arm","os":"linux","variant":"v7"}},
           {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"{{{D2}}}","size":7682,"platform":{"architecture":"amd64","os":"linux","os.features":["sse4"]}},
           {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"{{{D3}}}","size":7682,"platform":{"architecture":"amd64","os":"windows","os.version":"10.0.14393.1066"}}
         ]}
        """;

    [Fact]
    public void Parses_an_oci_image_manifest()
    {
        var document = ManifestDocument.Parse(Json(OciManifest));

        Assert.False(document.IsIndex);
        Assert.Equal(MediaTypes.OciManifest, document.MediaType);
        var manifest = document.Manifest!;
        Assert.Equal((D1, 7023L), (manifest.Config.Digest, manifest.Config.Size));
        Assert.Equal([D2, D3], manifest.Layers.Select(l => l.Digest));
        Assert.Equal(MediaTypes.OciLayerZstd, manifest.Layers[1].MediaType);
        Assert.Equal("x", manifest.Layers[0].Annotations!["org.example"]);
        Assert.Equal("value1", manifest.Annotations!["com.example.key1"]);
    }

    [Fact]
    public void Parses_a_docker_schema2_manifest()
    {
        var document = ManifestDocument.Parse(Json(DockerManifest));

        Assert.Equal(MediaTypes.DockerManifest, document.MediaType);
        Assert.Equal(MediaTypes.DockerConfig, document.Manifest!.Config.MediaType);
        Assert.Equal(MediaTypes.DockerLayerGzip, document.Manifest.Layers[0].MediaType);
    }

    [Theory]
    [InlineData(MediaTypes.OciIndex)]
    [InlineData(MediaTypes.DockerManifestList)]
    public void Parses_an_index_and_selects_linux_amd64(string mediaType)
    {
        var document = ManifestDocument.Parse(Json(Index(mediaType)));

        Assert.True(document.IsIndex);
        Assert.Equal(mediaType, document.MediaType);
        Assert.Equal(D2, document.Index!.SelectManifest(ImagePlatform.LinuxAmd64)!.Digest);
        Assert.Equal(["sse4"], document.Index.Manifests[1].Platform!.OperatingSystemFeatures);
        Assert.Equal("10.0.14393.1066", document.Index.Manifests[2].Platform!.OperatingSystemVersion);
    }

    [Fact]
    public void Platform_selection_honours_variants_and_reports_absence()
    {
        var index = ManifestDocument.Parse(Json(Index(MediaTypes.OciIndex))).Index!;

        Assert.Equal(D1, index.SelectManifest(new ImagePlatform { OperatingSystem = "linux", Architecture = "arm", Variant = "v7" })!.Digest);
        Assert.Null(index.SelectManifest(new ImagePlatform { OperatingSystem = "linux", Architecture = "arm", Variant = "v6" }));
        Assert.Null(index.SelectManifest(new ImagePlatform { OperatingSystem = "linux", Architecture = "riscv64" }));
    }

    [Fact]
    public void Without_a_media_type_field_the_content_type_or_the_shape_decides()
    {
        var bare = Json($$$"""{"schemaVersion":2,"manifests":[]}""");
        Assert.Equal(MediaTypes.OciIndex, ManifestDocument.Parse(bare).MediaType);
        Assert.Equal(MediaTypes.DockerManifestList, ManifestDocument.Parse(bare, MediaTypes.DockerManifestList).MediaType);
        var manifest = Json($$$"""{"schemaVersion":2,"config":{"mediaType":"x","digest":"{{{D1}}}","size":1},"layers":[]}""");
        Assert.Equal(MediaTypes.OciManifest, ManifestDocument.Parse(manifest, "application/json").MediaType);
    }

    [Fact]
    public void The_digest_is_over_the_bytes_as_received()
    {
        var content = Json(OciManifest);
        Assert.Equal(Digest.Compute(content), ManifestDocument.Parse(content).Digest);
        Assert.Equal(content, ManifestDocument.Parse(content).Content);
    }

    [Theory]
    [InlineData("""{"schemaVersion":1,"name":"x","tag":"y","fsLayers":[]}""", "schemaVersion 1")]
    [InlineData("""{"schemaVersion":2,"mediaType":"application/vnd.example+json","config":{}}""", "unsupported manifest media type")]
    [InlineData("""{"schemaVersion":2}""", "neither a manifest")]
    [InlineData("""not json""", "invalid")]
    [InlineData("""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","layers":[]}""", "config")]
    public void Refuses_what_is_not_a_supported_manifest(string json, string reason)
    {
        var error = Assert.Throws<InvalidManifestException>(() => ManifestDocument.Parse(Json(json)));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Serialises_with_the_exact_oci_field_names_and_no_nulls()
    {
        var document = ManifestDocument.From(new ImageManifest
        {
            MediaType = MediaTypes.OciManifest,
            Config = new Descriptor { MediaType = MediaTypes.OciConfig, Digest = D1, Size = 2 },
            Layers = [],
        });
        var text = Encoding.UTF8.GetString(document.Content);

        Assert.Equal($$$"""{"schemaVersion":2,"mediaType":"{{{MediaTypes.OciManifest}}}","config":{"mediaType":"{{{MediaTypes.OciConfig}}}","digest":"{{{D1}}}","size":2},"layers":[]}""", text);
    }
}
