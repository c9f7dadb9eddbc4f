using System.CommandLine;
using Platform.Oci.Registry;

namespace Platform.Cli.Commands;

/// <summary>
/// --creds, --src-creds and --dest-creds of `image push|pull`, as skopeo names them. --creds is for
/// the registry that is not the platform's (both ends when neither is); the platform's registry gets
/// the admin token unless --src-creds or --dest-creds name other credentials for it.
/// </summary>
internal sealed class CredentialOptions
{
    private readonly Option<string?> _either = new("--creds")
    {
        Description = "USER:PASSWORD for the other registry (not the platform's); without it, that registry is used anonymously",
    };

    private readonly Option<string?> _source = new("--src-creds") { Description = "USER:PASSWORD for the source registry" };

    private readonly Option<string?> _destination = new("--dest-creds") { Description = "USER:PASSWORD for the destination registry" };

    public void AddTo(Command command)
    {
        command.Add(_either);
        command.Add(_source);
        command.Add(_destination);
    }

    public RegistryCredentials? ForSource(CliContext context, bool isPlatform) => For(context, _source, isPlatform);

    public RegistryCredentials? ForDestination(CliContext context, bool isPlatform) => For(context, _destination, isPlatform);

    private RegistryCredentials? For(CliContext context, Option<string?> side, bool isPlatform) =>
        Parse(side.Name, context.Get(side)) ?? (isPlatform ? null : Parse(_either.Name, context.Get(_either)));

    private static RegistryCredentials? Parse(string option, string? text)
    {
        if (text is null)
        {
            return null;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new CliException($"{option} takes USER:PASSWORD");
        }

        return new RegistryCredentials(text[..colon], text[(colon + 1)..]);
    }
}
