using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Platform.Oci.Tests.Support;

/// <summary>
/// A Docker token server for docker-registry's token auth: checks Basic credentials and answers
/// with an RS256 JWT granting the requested repository actions, signed by a self-signed
/// certificate that the registry trusts through its rootcertbundle.
/// </summary>
public sealed class TokenServer : IDisposable
{
    public const string Issuer = "platform-test-issuer";
    public const string Service = "platform-test-registry";

    private readonly HttpListener listener = new();
    private readonly RSA key = RSA.Create(2048);
    private readonly X509Certificate2 certificate;
    private readonly string user;
    private readonly string password;
    private readonly Task serving;

    public TokenServer(int port, string user, string password)
    {
        this.user = user;
        this.password = password;
        Realm = $"http://127.0.0.1:{port}/token";
        var request = new CertificateRequest("CN=platform-test-token", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public string Realm { get; }

    public int TokensIssued { get; private set; }

    public string CertificatePem => certificate.ExportCertificatePem();

    public void Dispose()
    {
        // Closing the listener ends the serving loop's pending GetContextAsync, and with it the loop.
        listener.Close();
        serving.Wait(TimeSpan.FromSeconds(5));
        certificate.Dispose();
        key.Dispose();
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            Answer(context);
        }
    }

    private void Answer(HttpListenerContext context)
    {
        using var response = context.Response;
        if (!HasValidCredentials(context.Request))
        {
            response.StatusCode = 401;
            return;
        }
        var scope = context.Request.QueryString["scope"];
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["token"] = Token(scope), ["expires_in"] = 300 });
        response.ContentType = "application/json";
        response.OutputStream.Write(body);
        TokensIssued++;
    }

    private bool HasValidCredentials(HttpListenerRequest request)
    {
        var header = request.Headers["Authorization"];
        return header is not null && header.StartsWith("Basic ", StringComparison.Ordinal)
            && Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])) == $"{user}:{password}";
    }

    private string Token(string? scope)
    {
        var header = new Dictionary<string, object>
        {
            ["typ"] = "JWT",
            ["alg"] = "RS256",
            ["x5c"] = new[] { Convert.ToBase64String(certificate.RawData) },
        };
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["sub"] = user,
            ["aud"] = Service,
            ["iat"] = now,
            ["nbf"] = now - 10,
            ["exp"] = now + 300,
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["access"] = Access(scope),
        };
        var signingInput = $"{Base64Url(JsonSerializer.SerializeToUtf8Bytes(header))}.{Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims))}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url(signature)}";
    }

    /// <summary>Grants exactly what the scope asks for: <c>repository:NAME:ACTION,ACTION</c>.</summary>
    private static object[] Access(string? scope)
    {
        if (scope is null)
        {
            return [];
        }
        var parts = scope.Split(':');
        return [new Dictionary<string, object> { ["type"] = parts[0], ["name"] = parts[1], ["actions"] = parts[2].Split(',') }];
    }

    private static string Base64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
