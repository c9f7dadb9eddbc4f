namespace Platform.Oci.Registry;

/// <summary>A user name and password (or token) for HTTP Basic, or to exchange for a bearer token.</summary>
public sealed record RegistryCredentials(string UserName, string Password)
{
    public string ToBasicParameter() =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{UserName}:{Password}"));

    // The password never appears in logs or exception messages.
    public override string ToString() => $"{UserName}:***";
}
