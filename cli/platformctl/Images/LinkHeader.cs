namespace Platform.Cli.Images;

/// <summary>The <c>Link: &lt;/v2/_catalog?n=100&amp;last=b&gt;; rel="next"</c> header of a paginated registry list.</summary>
internal static class LinkHeader
{
    /// <summary>The next page's address, resolved against <paramref name="requestUri"/>; null on the last page.</summary>
    public static Uri? Next(IEnumerable<string> values, Uri requestUri)
    {
        foreach (var link in values.SelectMany(value => value.Split(',')))
        {
            var open = link.IndexOf('<', StringComparison.Ordinal);
            var close = link.IndexOf('>', StringComparison.Ordinal);
            if (open < 0 || close < open)
            {
                continue;
            }

            var parameters = link[(close + 1)..].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parameters.Any(IsRelNext))
            {
                return new Uri(requestUri, link[(open + 1)..close]);
            }
        }

        return null;
    }

    // rel="next", rel=next, or a list of relations such as rel="next last".
    private static bool IsRelNext(string parameter)
    {
        var equals = parameter.IndexOf('=', StringComparison.Ordinal);
        return equals > 0
            && parameter[..equals].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase)
            && parameter[(equals + 1)..].Trim().Trim('"').Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Contains("next", StringComparer.OrdinalIgnoreCase);
    }
}
