using Platform.Api.Selection;
using Platform.ApiGateway.Api;

namespace Platform.ApiGateway.Resources;

/// <summary>The query of a list or watch: selectors, watch flags, where to start and how long to stay.</summary>
public sealed record ListQuery(LabelSelection Labels, FieldSelection Fields, bool Watch, string? ResourceVersion, TimeSpan? Timeout)
{
    public static (ListQuery? Query, IResult? Error) From(IQueryCollection query)
    {
        try
        {
            var labels = LabelSelectorParser.Parse(query["labelSelector"]);
            var fields = FieldSelection.Parse(query["fieldSelector"]);
            var watch = query["watch"].ToString() is "1" or "true" or "True";
            TimeSpan? timeout = int.TryParse(query["timeoutSeconds"], out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
            var version = query["resourceVersion"].ToString();
            return (new ListQuery(labels, fields, watch, version.Length == 0 ? null : version, timeout), null);
        }
        catch (FormatException e)
        {
            return (null, ApiErrors.BadRequest($"unable to parse requirement: {e.Message}"));
        }
    }
}
