namespace Platform.Api.Serialization;

public static class FieldPath
{
    /// <summary>"$.spec.containers[0].image" → "spec.containers[0].image"; "$['x-y']" → "x-y".</summary>
    public static string FromJsonPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath))
        {
            return string.Empty;
        }

        var path = jsonPath.StartsWith('$') ? jsonPath[1..] : jsonPath;
        path = path.Replace("['", ".", StringComparison.Ordinal).Replace("']", string.Empty, StringComparison.Ordinal);
        return path.TrimStart('.');
    }
}
