namespace Platform.Cli.Config;

/// <summary>Turns "host:port" or "http://host:port/prefix" into a base address ending in "/".</summary>
internal static class ServerAddress
{
    public static Uri Parse(string text)
    {
        var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new CliException($"invalid server address \"{text}\": expected http://HOST:PORT or https://HOST:PORT");
        }

        var builder = new UriBuilder(uri) { Query = string.Empty, Fragment = string.Empty };
        if (!builder.Path.EndsWith('/'))
        {
            builder.Path += "/";
        }

        return builder.Uri;
    }
}
