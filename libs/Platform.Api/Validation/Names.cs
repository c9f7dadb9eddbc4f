using System.Text.RegularExpressions;

namespace Platform.Api.Validation;

/// <summary>The naming rules of Kubernetes (RFC 1123 labels and subdomains, label keys and values).</summary>
public static partial class Names
{
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedNamePart();

    [GeneratedRegex("^[-._a-zA-Z][-._a-zA-Z0-9]*$")]
    private static partial Regex EnvVarName();

    public static string? CheckLabel(string name) =>
        name.Length > 63 ? "must be no more than 63 characters"
        : Dns1123Label().IsMatch(name) ? null
        : "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";

    public static string? CheckSubdomain(string name) =>
        name.Length > 253 ? "must be no more than 253 characters"
        : Dns1123Subdomain().IsMatch(name) ? null
        : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

    public static string? CheckEnvVarName(string name) =>
        EnvVarName().IsMatch(name) ? null
        : "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";

    /// <summary>A label or annotation key: an optional DNS subdomain prefix and a name part.</summary>
    public static string? CheckQualifiedName(string key)
    {
        var slash = key.IndexOf('/');
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash >= 0 && (slash == 0 || CheckSubdomain(key[..slash]) is not null))
        {
            return "prefix part must be a lowercase RFC 1123 subdomain";
        }

        return name.Length is 0 or > 63 || !QualifiedNamePart().IsMatch(name)
            ? "name part must consist of alphanumeric characters, '-', '_' or '.', must start and end with an alphanumeric character, and be at most 63 characters"
            : null;
    }

    public static string? CheckLabelValue(string value) =>
        value.Length == 0 ? null
        : value.Length <= 63 && QualifiedNamePart().IsMatch(value) ? null
        : "a valid label value must be 63 characters or less, and consist of alphanumeric characters, '-', '_' or '.', starting and ending with an alphanumeric character";
}
