using System.Security.Cryptography;
using System.Text;

namespace Platform.ImageStore.Auth;

/// <summary>
/// The admin token `./platform up` wrote: the one credential that may push and delete. Without a
/// token file configured the registry is open to everyone, and says so at start.
/// </summary>
public sealed partial class AdminCredential
{
    private readonly byte[]? secret;

    private AdminCredential(byte[]? secret) => this.secret = secret;

    public static AdminCredential Load(string? path, ILogger logger)
    {
        if (string.IsNullOrEmpty(path))
        {
            LogOpen(logger);
            return new AdminCredential(null);
        }

        return new AdminCredential(Encoding.UTF8.GetBytes(File.ReadAllText(path).Trim()));
    }

    /// <summary>True when the request carries the admin token, or when no token is configured.</summary>
    public bool IsPresentedBy(HttpRequest request) =>
        secret is null || (PresentedCredential.SecretOf(request) is { } presented
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), secret));

    [LoggerMessage(LogLevel.Warning, "No admin token file configured (PLATFORM_ADMIN_TOKEN_FILE): anyone may push to and delete from the image store")]
    private static partial void LogOpen(ILogger logger);
}
