using System.Security.Cryptography;
using System.Text;

namespace Platform.Build.Building;

/// <summary>
/// A step's cache key: sha256 of its parent's key, the instruction after expansion and, for COPY and
/// ADD, the digest of the files it copies. Changing any of them changes this key and every key after it.
/// </summary>
public static class CacheKeys
{
    public static string Of(string parentKey, string expandedInstruction, string? contentDigest = null) =>
        Hash($"{parentKey}\n{expandedInstruction}\n{contentDigest}");

    public static string ForBase(string baseDescription) => Hash($"FROM\n{baseDescription}");

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
