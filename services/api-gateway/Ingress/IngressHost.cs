namespace Platform.ApiGateway.Ingress;

/// <summary>
/// The host form of the ingress: <c>&lt;service&gt;.&lt;namespace&gt;.&lt;domain&gt;</c> names the same Service as the path
/// <c>/apps/&lt;namespace&gt;/&lt;service&gt;/</c>. Pure parsing of a Host header's name (its port already removed).
/// </summary>
public static class IngressHost
{
    /// <summary>The domain when PLATFORM_INGRESS_DOMAIN is not set: any *.localhost name reaches 127.0.0.1 without DNS set-up.</summary>
    public const string DefaultDomain = "apps.localhost";

    /// <summary>The ingress domain from PLATFORM_INGRESS_DOMAIN (lower case, no dots around it); null when set empty, which turns the host form off.</summary>
    public static string? Domain(IConfiguration configuration) =>
        (configuration["PLATFORM_INGRESS_DOMAIN"] ?? DefaultDomain).Trim().Trim('.').ToLowerInvariant() is { Length: > 0 } domain ? domain : null;

    /// <summary>
    /// Whether <paramref name="host"/> is the ingress domain or a name under it, and if it is exactly
    /// <c>&lt;service&gt;.&lt;namespace&gt;.&lt;domain&gt;</c> with two DNS labels, which Service it names.
    /// </summary>
    public static IngressHostMatch Parse(string host, string domain)
    {
        var name = host.TrimEnd('.').ToLowerInvariant();
        if (name == domain)
        {
            return new IngressHostMatch(InDomain: true, null, null);
        }

        if (!name.EndsWith("." + domain, StringComparison.Ordinal))
        {
            return new IngressHostMatch(InDomain: false, null, null);
        }

        var labels = name[..^(domain.Length + 1)].Split('.');
        return labels is [var service, var @namespace] && IsLabel(service) && IsLabel(@namespace)
            ? new IngressHostMatch(InDomain: true, @namespace, service)
            : new IngressHostMatch(InDomain: true, null, null);
    }

    /// <summary>A DNS-1123 label, as Service and namespace names are.</summary>
    private static bool IsLabel(string label) =>
        label.Length is > 0 and <= 63
        && label.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && label[0] != '-' && label[^1] != '-';
}

/// <param name="InDomain">The host is the ingress domain or a name under it: the request is the ingress's, never the API's.</param>
/// <param name="Namespace">The Service's namespace when the host names one; null for any other name in the domain.</param>
/// <param name="Service">The Service's name when the host names one.</param>
public readonly record struct IngressHostMatch(bool InDomain, string? Namespace, string? Service);
