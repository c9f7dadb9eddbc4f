using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Platform.ImageStore.Distribution;

/// <summary>
/// A content address: "sha256:" and 64 lower-case hex digits, the only algorithm this store keeps
/// (the OCI digest grammar allows others; they are refused as DIGEST_INVALID).
/// </summary>
public readonly record struct Digest
{
    private const string Prefix = "sha256:";

    private Digest(string hex) => Hex = hex;

    /// <summary>The encoded part: 64 lower-case hex digits, safe to use as a file name.</summary>
    public string Hex { get; }

    public static Digest FromHash(ReadOnlySpan<byte> sha256) => new(Convert.ToHexStringLower(sha256));

    public static Digest Of(ReadOnlySpan<byte> content) => FromHash(SHA256.HashData(content));

    public static bool TryParse([NotNullWhen(true)] string? text, out Digest digest)
    {
        digest = default;
        if (text is null || text.Length != Prefix.Length + 64 || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var hex = text[Prefix.Length..];
        if (!hex.All(IsLowerHex))
        {
            return false;
        }

        digest = new Digest(hex);
        return true;
    }

    /// <summary>A digest taken from a file name the store wrote itself.</summary>
    public static bool TryFromHex(string hex, out Digest digest) => TryParse(Prefix + hex, out digest);

    public static Digest Parse(string? text) =>
        TryParse(text, out var digest) ? digest : throw new RegistryException(RegistryError.DigestInvalid(text));

    public override string ToString() => Prefix + Hex;

    private static bool IsLowerHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f';
}
