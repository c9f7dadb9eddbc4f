using System.Security.Cryptography;

namespace Platform.Oci.References;

/// <summary>
/// Hashes content as it streams past, so a blob can be verified while it is written to disk
/// instead of being held in memory or read twice.
/// </summary>
public sealed class DigestHasher : IDisposable
{
    private readonly IncrementalHash hash;
    private readonly string algorithm;

    private DigestHasher(string algorithm)
    {
        this.algorithm = algorithm;
        hash = IncrementalHash.CreateHash(Digest.HashAlgorithmFor(algorithm));
    }

    public long BytesHashed { get; private set; }

    public static DigestHasher Create(string algorithm = Digest.Sha256) => new(algorithm);

    public static DigestHasher For(Digest expected) => new(expected.Algorithm);

    public void Append(ReadOnlySpan<byte> data)
    {
        hash.AppendData(data);
        BytesHashed += data.Length;
    }

    public async Task AppendAsync(Stream content, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            Append(buffer.AsSpan(0, read));
        }
    }

    public Digest Complete() => Digest.FromHash(algorithm, hash.GetHashAndReset());

    public void Dispose() => hash.Dispose();
}
