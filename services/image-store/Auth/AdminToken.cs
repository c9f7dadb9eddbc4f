using System.Security.Cryptography;
using System.Text;

namespace Platform.ImageStore.Auth;

/// <summary>The admin token `./platform up` wrote: the one credential that may push and delete.</summary>
public sealed partial class AdminToken
{
    private readonly byte[] secret;

    private AdminToken(byte[] secret) => this.secret = secret;

    /// <summary>Reads the token file; without one configured the registry is open, and says so.</summary>
    public static AdminToken? Load(string? path, ILogger logger)
    {
        if (string.IsNullOrEmpty(path))
        {
            LogOpen(logger);
            return null;
        }

        return new AdminToken(Encoding.UTF8.GetBytes(File.ReadAllText(path).Trim()));
    }

    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), secret);

    [LoggerMessage(LogLevel.Warning, "No admin token file configured (PLATFORM_ADMIN_TOKEN_FILE): anyone may push to and delete from the image store")]
    private static partial void LogOpen(ILogger logger);
}
