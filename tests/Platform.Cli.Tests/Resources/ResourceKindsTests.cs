using Platform.Cli.Resources;

namespace Platform.Cli.Tests.Resources;

public class ResourceKindsTests
{
    [Theory]
    [InlineData("po", "pods")]
    [InlineData("Pod", "pods")]
    [InlineData("no", "nodes")]
    [InlineData("ns", "namespaces")]
    [InlineData("svc", "services")]
    [InlineData("deploy", "deployments")]
    [InlineData("deployments.apps", "deployments")]
    [InlineData("rs", "replicasets")]
    [InlineData("hpa", "horizontalpodautoscalers")]
    [InlineData("ev", "events")]
    [InlineData("img", "images")]
    public void KubectlNamesAndShortNamesNameTheirKind(string word, string plural) =>
        Assert.Equal(plural, ResourceKinds.Parse(word).Plural);

    [Fact]
    public void AnUnknownWordIsKubectlsLine()
    {
        var failure = Assert.Throws<CliException>(() => ResourceKinds.Parse("widgets"));

        Assert.Equal("the server doesn't have a resource type \"widgets\"", failure.Message);
    }

    [Theory]
    [InlineData("pods", "team-a", false, "api/v1/namespaces/team-a/pods")]
    [InlineData("pods", "team-a", true, "api/v1/pods")]
    [InlineData("nodes", "team-a", false, "api/v1/nodes")]
    [InlineData("namespaces", "team-a", false, "api/v1/namespaces")]
    [InlineData("deployments", "default", false, "apis/apps/v1/namespaces/default/deployments")]
    [InlineData("hpa", "default", false, "apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers")]
    [InlineData("images", "default", false, "apis/platform.io/v1/images")]
    public void CollectionPathsFollowFromGroupAndScope(string word, string @namespace, bool allNamespaces, string path) =>
        Assert.Equal(path, ResourcePaths.Collection(ResourceKinds.Parse(word), @namespace, allNamespaces));

    [Fact]
    public void ItemPathsEscapeNamesButKeepTheSlashesOfImageReferences()
    {
        Assert.Equal("api/v1/namespaces/a%20b/pods/web", ResourcePaths.Item(ResourceKinds.Pod, "a b", "web"));
        Assert.Equal("apis/platform.io/v1/images/127.0.0.1%3A5000/team/app%3A1", ResourcePaths.Item(ResourceKinds.Image, "default", "127.0.0.1:5000/team/app:1"));
    }

    [Theory]
    [InlineData("v1", "Pod", "pod")]
    [InlineData("apps/v1", "Deployment", "deployment.apps")]
    [InlineData("v1", "Namespace", "namespace")]
    public void ManifestsNameTheirKindByApiVersionAndKind(string apiVersion, string kind, string qualifiedName) =>
        Assert.Equal(qualifiedName, ResourceKinds.FromManifest(apiVersion, kind).QualifiedName);

    [Theory]
    [InlineData("v1", "Deployment")]
    [InlineData("apps/v1", "Widget")]
    public void AManifestOfAnUnknownKindOrVersionIsRefused(string apiVersion, string kind)
    {
        var failure = Assert.Throws<CliException>(() => ResourceKinds.FromManifest(apiVersion, kind));

        Assert.Equal($"no matches for kind \"{kind}\" in version \"{apiVersion}\"", failure.Message);
    }

    [Fact]
    public void EveryWordNamesExactlyOneKind()
    {
        var words = ResourceKinds.Words().ToList();

        Assert.Equal(words.Count, words.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(words, word => Assert.Single(ResourceKinds.All, kind => kind.IsNamedBy(word)));
    }
}
