using System.Globalization;
using Platform.ImageStore.Distribution;

namespace Platform.ImageStore.Api;

/// <summary>
/// The spec's pagination of sorted lists (tags, catalog): at most `n` entries lexically after
/// `last`, and a `Link: <...>; rel="next"` header when more remain.
/// </summary>
public static class Pagination
{
    public static IReadOnlyList<string> Page(HttpContext context, IReadOnlyList<string> sorted)
    {
        var query = context.Request.Query;
        var limit = Limit(query["n"]);
        var after = query["last"].ToString();
        var remaining = string.IsNullOrEmpty(after) ? sorted : sorted.Where(item => string.CompareOrdinal(item, after) > 0).ToList();
        if (limit is not { } n || remaining.Count <= n)
        {
            return remaining;
        }

        var page = remaining.Take(n).ToList();
        if (page.Count > 0)
        {
            var next = $"{context.Request.Path}?n={n.ToString(CultureInfo.InvariantCulture)}&last={Uri.EscapeDataString(page[^1])}";
            context.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        }

        return page;
    }

    private static int? Limit(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new RegistryException(RegistryError.PaginationInvalid(text));
    }
}
