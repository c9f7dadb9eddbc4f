using System.Security.Cryptography;

namespace Platform.ImageStore.Tests.Infrastructure;

/// <summary>Test content and its digest.</summary>
public static class Content
{
    public static byte[] Random(int length) => RandomNumberGenerator.GetBytes(length);

    public static string DigestOf(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>A well-formed digest of content nobody pushed.</summary>
    public static string UnknownDigest() => DigestOf(Random(32));

    /// <summary>A repository name of its own for each test, so that tests sharing a registry do not see each other's content.</summary>
    public static string NewRepository(string prefix = "test") => $"{prefix}/{Guid.NewGuid():N}";
}
