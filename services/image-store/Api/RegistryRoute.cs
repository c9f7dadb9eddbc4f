using System.Text.RegularExpressions;
using Platform.ImageStore.Distribution;

namespace Platform.ImageStore.Api;

public enum RegistryResource
{
    Blob,
    Upload,
    Manifest,
    Tags,
    Referrers,
}

/// <summary>
/// A URL under /v2/ split into repository name, resource and reference. Repository names contain
/// slashes (`team/app`), which route templates cannot express before a fixed suffix, so the path
/// is matched against the spec's endpoint shapes here, right to left.
/// </summary>
public sealed partial record RegistryRoute(RegistryResource Resource, RepositoryName Name, string Reference)
{
    private static readonly (Regex Pattern, RegistryResource Resource)[] Shapes =
    [
        (UploadShape(), RegistryResource.Upload),
        (BlobShape(), RegistryResource.Blob),
        (ManifestShape(), RegistryResource.Manifest),
        (TagsShape(), RegistryResource.Tags),
        (ReferrersShape(), RegistryResource.Referrers),
    ];

    /// <summary>The route of a path below /v2/, or null if it is no endpoint of the API.</summary>
    public static RegistryRoute? Match(string path)
    {
        foreach (var (pattern, resource) in Shapes)
        {
            var match = pattern.Match(path);
            if (match.Success)
            {
                return new RegistryRoute(resource, RepositoryName.Parse(match.Groups["name"].Value), match.Groups["reference"].Value);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?<name>.+)/blobs/uploads(?:/(?<reference>[^/]*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex UploadShape();

    [GeneratedRegex(@"^(?<name>.+)/blobs/(?<reference>[^/]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex BlobShape();

    [GeneratedRegex(@"^(?<name>.+)/manifests/(?<reference>[^/]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ManifestShape();

    [GeneratedRegex(@"^(?<name>.+)/tags/list$", RegexOptions.CultureInvariant)]
    private static partial Regex TagsShape();

    [GeneratedRegex(@"^(?<name>.+)/referrers/(?<reference>[^/]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferrersShape();
}
