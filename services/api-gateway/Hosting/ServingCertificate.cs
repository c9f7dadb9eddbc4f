using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Platform.ApiGateway.Hosting;

/// <summary>
/// The gateway's TLS certificate: self-signed for 127.0.0.1 and localhost, made on first start and kept
/// (mode 0600) so kubeconfigs that trust it stay valid. kubectl sends its bearer token only over TLS,
/// so the Kubernetes-compatible API is also served on HTTPS, as every Kubernetes API server is.
/// </summary>
public static class ServingCertificate
{
    public static X509Certificate2 LoadOrCreate(string directory)
    {
        var pfx = Path.Combine(directory, "serving.pfx");
        var pem = Path.Combine(directory, "ca.crt");
        if (File.Exists(pfx))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(pfx, password: null);
        }

        Directory.CreateDirectory(directory);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=platform-api-gateway", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        // Its own authority: a kubeconfig trusts it by certificate-authority-data.
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(10));
        WritePrivate(pfx, certificate.Export(X509ContentType.Pkcs12));
        File.WriteAllText(pem, certificate.ExportCertificatePem() + "\n");
        return X509CertificateLoader.LoadPkcs12FromFile(pfx, password: null);
    }

    private static void WritePrivate(string path, byte[] bytes)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var file = new FileStream(path, options);
        file.Write(bytes);
    }
}
