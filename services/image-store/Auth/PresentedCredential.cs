using System.Net.Http.Headers;
using System.Text;

namespace Platform.ImageStore.Auth;

/// <summary>
/// The secret a request presents: the password of HTTP Basic credentials (any user name, as
/// `skopeo --dest-creds admin:TOKEN` sends it) or a bearer token.
/// </summary>
public static class PresentedCredential
{
    public static string? SecretOf(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header) || header.Parameter is null)
        {
            return null;
        }

        return header.Scheme.ToLowerInvariant() switch
        {
            "bearer" => header.Parameter,
            "basic" => BasicPassword(header.Parameter),
            _ => null,
        };
    }

    private static string? BasicPassword(string encoded)
    {
        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, buffer, out var length))
        {
            return null;
        }

        var userAndPassword = Encoding.UTF8.GetString(buffer, 0, length);
        var colon = userAndPassword.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : userAndPassword[(colon + 1)..];
    }
}
