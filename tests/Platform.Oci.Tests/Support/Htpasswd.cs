using System.Runtime.InteropServices;

namespace Platform.Oci.Tests.Support;

/// <summary>
/// An htpasswd line with a bcrypt hash, the only scheme docker-registry accepts, made by the
/// system's libcrypt (libxcrypt does bcrypt) so the tests need no htpasswd tool.
/// </summary>
public static partial class Htpasswd
{
    private const string SaltAlphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Line(string user, string password)
    {
        var salt = string.Concat(Enumerable.Range(0, 22).Select(_ => SaltAlphabet[Random.Shared.Next(SaltAlphabet.Length)]));
        var hash = Marshal.PtrToStringUTF8(crypt(password, "$2b$05$" + salt))
            ?? throw new InvalidOperationException("crypt() returned nothing");
        return hash.StartsWith("$2b$", StringComparison.Ordinal)
            ? $"{user}:{hash}"
            : throw new InvalidOperationException($"libcrypt did not make a bcrypt hash: {hash}");
    }

    [LibraryImport("libcrypt.so.1", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr crypt(string key, string salt);
}
