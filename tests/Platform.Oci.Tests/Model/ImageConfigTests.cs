using System.Text;
using Platform.Oci.Model;

namespace Platform.Oci.Tests.Model;

public sealed class ImageConfigTests
{
    // Trimmed from a real image config as Docker writes it.
    private const string Config = """
        {"architecture":"amd64","os":"linux","created":"2024-01-02T03:04:05.123456789Z","author":"me",
         "config":{"User":"1000:1000","ExposedPorts":{"8080/tcp":{},"53/udp":{}},
                   "Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","LANG=C.UTF-8"],
                   "Entrypoint":["/docker-entrypoint.sh"],"Cmd":["nginx","-g","daemon off;"],
                   "Volumes":{"/var/cache/nginx":{}},"WorkingDir":"/srv","Labels":{"maintainer":"x"},"StopSignal":"SIGQUIT"},
         "rootfs":{"type":"layers","diff_ids":["sha256:1111111111111111111111111111111111111111111111111111111111111111"]},
         "history":[{"created":"2024-01-02T03:04:05Z","created_by":"/bin/sh -c #(nop) ADD file:abc in /"},
                    {"created_by":"CMD [\"nginx\"]","empty_layer":true,"comment":"buildkit"}]}
        """;

    [Fact]
    public void Reads_every_execution_field()
    {
        var config = ImageConfigReader.Parse(Encoding.UTF8.GetBytes(Config));
        var run = config.Config!;

        Assert.Equal(("amd64", "linux", "me"), (config.Architecture, config.OperatingSystem, config.Author));
        Assert.Equal("1000:1000", run.User);
        Assert.Equal(["53/udp", "8080/tcp"], run.ExposedPorts!.Keys.Order());
        Assert.Equal("LANG=C.UTF-8", run.Env![1]);
        Assert.Equal(["/docker-entrypoint.sh"], run.Entrypoint);
        Assert.Equal(["nginx", "-g", "daemon off;"], run.Cmd);
        Assert.Equal(["/var/cache/nginx"], run.Volumes!.Keys);
        Assert.Equal(("/srv", "SIGQUIT", "x"), (run.WorkingDir, run.StopSignal, run.Labels!["maintainer"]));
        Assert.Single(config.RootFileSystem.DiffIds);
        Assert.Equal(2, config.History!.Count);
        Assert.True(config.History[1].EmptyLayer);
        Assert.Equal("buildkit", config.History[1].Comment);
        Assert.Equal(123456789 / 100, config.Created!.Value.Ticks % TimeSpan.TicksPerSecond);
    }

    [Fact]
    public void Round_trips_with_the_exact_field_names()
    {
        var config = ImageConfigReader.Parse(Encoding.UTF8.GetBytes(Config));
        var text = Encoding.UTF8.GetString(ImageConfigReader.Serialize(config));

        foreach (var field in new[] { "\"ExposedPorts\":{\"8080/tcp\":{}", "\"diff_ids\":[", "\"created_by\":", "\"empty_layer\":true", "\"StopSignal\":\"SIGQUIT\"", "\"rootfs\":{\"type\":\"layers\"" })
        {
            Assert.Contains(field, text);
        }
        Assert.DoesNotContain("null", text);
        Assert.Equal(config.Config!.Cmd, ImageConfigReader.Parse(Encoding.UTF8.GetBytes(text)).Config!.Cmd);
    }

    [Fact]
    public void Refuses_a_config_without_rootfs()
    {
        var error = Assert.Throws<InvalidManifestException>(() => ImageConfigReader.Parse("""{"architecture":"amd64","os":"linux"}"""u8.ToArray()));
        Assert.Contains("rootfs", error.Message);
    }
}
