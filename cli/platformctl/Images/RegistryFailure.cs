using System.Net;
using Platform.Cli.Client;
using Platform.Oci.Registry;

namespace Platform.Cli.Images;

/// <summary>Turns a registry that cannot be reached, or that refuses, into the one line the user sees.</summary>
internal static class RegistryFailure
{
    /// <param name="isPlatform">The platform's own registry: the hints name ./platform up and the admin token; another's name --creds.</param>
    public static CliException Unreachable(string host, HttpRequestException failure, bool isPlatform)
    {
        var cause = TransportFailure.Cause(failure);
        var hint = cause switch
        {
            "connection refused" when isPlatform =>
                "; is it running? Start the platform's image store with ./platform up, or name another registry with --registry or $PLATFORM_REGISTRY",
            "connection refused" => "; is it running?",
            "TLS handshake failed" when isPlatform => $"; for a registry that speaks plain HTTP, use --registry http://{host}",
            _ => string.Empty,
        };
        return new CliException($"cannot reach the image registry at {host} ({cause}){hint}");
    }

    public static CliException TimedOut(string host) =>
        new($"the image registry at {host} did not answer");

    public static CliException Refused(string host, RegistryException failure, bool sentCredentials, bool isPlatform) => failure.Status switch
    {
        HttpStatusCode.Unauthorized when !sentCredentials && isPlatform =>
            new($"the image registry at {host} needs credentials ({failure.Code}): set the admin token in $PLATFORM_TOKEN or the config file's token"),
        HttpStatusCode.Unauthorized when !sentCredentials =>
            new($"the image registry at {host} needs credentials ({failure.Code}): give them with --creds USER:PASSWORD"),
        HttpStatusCode.Unauthorized when isPlatform =>
            new($"the image registry at {host} refused the admin token ({failure.Code}: {failure.RegistryMessage})"),
        HttpStatusCode.Unauthorized =>
            new($"the image registry at {host} refused the credentials ({failure.Code}: {failure.RegistryMessage})"),
        _ => new($"the image registry at {host} answered {failure.Code} ({(int)failure.Status}): {failure.RegistryMessage}"),
    };
}
