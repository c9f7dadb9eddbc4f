using System.Security.Cryptography;

namespace Platform.Oci.References;

/// <summary>
/// A content digest as OCI writes it: <c>algorithm:hex</c>. Only sha256 and sha512 are accepted,
/// with lowercase hex of the algorithm's exact length, so two spellings of one digest cannot exist.
/// </summary>
public readonly record struct Digest
{
    public const string Sha256 = "sha256";
    public const string Sha512 = "sha512";

    private Digest(string algorithm, string hex)
    {
        Algorithm = algorithm;
        Hex = hex;
    }

    public string Algorithm { get; }

    public string Hex { get; }

    public override string ToString() => $"{Algorithm}:{Hex}";

    public static Digest Parse(string text)
    {
        if (!TryParse(text, out var digest, out var error))
        {
            throw new FormatException(error);
        }
        return digest;
    }

    public static bool TryParse(string? text, out Digest digest) => TryParse(text, out digest, out _);

    public static bool TryParse(string? text, out Digest digest, out string error)
    {
        digest = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "a digest must not be empty";
            return false;
        }
        var colon = text.IndexOf(':');
        if (colon < 0)
        {
            error = $"digest '{text}' has no algorithm (expected sha256:<hex>)";
            return false;
        }
        var algorithm = text[..colon];
        var hex = text[(colon + 1)..];
        if (!TryValidate(algorithm, hex, out error))
        {
            error = $"digest '{text}': {error}";
            return false;
        }
        digest = new Digest(algorithm, hex);
        return true;
    }

    /// <summary>The digest of <paramref name="content"/> with the given algorithm.</summary>
    public static Digest Compute(ReadOnlySpan<byte> content, string algorithm = Sha256)
    {
        using var hasher = DigestHasher.Create(algorithm);
        hasher.Append(content);
        return hasher.Complete();
    }

    public static async Task<Digest> ComputeAsync(Stream content, string algorithm, CancellationToken cancellationToken)
    {
        using var hasher = DigestHasher.Create(algorithm);
        await hasher.AppendAsync(content, cancellationToken);
        return hasher.Complete();
    }

    /// <summary>Reads <paramref name="content"/> to its end and tells whether it hashes to this digest.</summary>
    public async Task<bool> VerifyAsync(Stream content, CancellationToken cancellationToken)
    {
        var actual = await ComputeAsync(content, Algorithm, cancellationToken);
        return actual == this;
    }

    public bool Verify(ReadOnlySpan<byte> content) => Compute(content, Algorithm) == this;

    internal static HashAlgorithmName HashAlgorithmFor(string algorithm) => algorithm switch
    {
        Sha256 => HashAlgorithmName.SHA256,
        Sha512 => HashAlgorithmName.SHA512,
        _ => throw new FormatException($"unsupported digest algorithm '{algorithm}' (expected sha256 or sha512)"),
    };

    internal static Digest FromHash(string algorithm, byte[] hash) =>
        new(algorithm, Convert.ToHexStringLower(hash));

    private static bool TryValidate(string algorithm, string hex, out string error)
    {
        var expectedLength = algorithm switch
        {
            Sha256 => 64,
            Sha512 => 128,
            _ => 0,
        };
        error = expectedLength switch
        {
            0 => $"unsupported algorithm '{algorithm}' (expected sha256 or sha512)",
            _ when hex.Length != expectedLength => $"{algorithm} needs {expectedLength} hex characters, got {hex.Length}",
            _ when !IsLowercaseHex(hex) => "the hex part must be lowercase hexadecimal",
            _ => "",
        };
        return error.Length == 0;
    }

    private static bool IsLowercaseHex(string hex) =>
        hex.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
