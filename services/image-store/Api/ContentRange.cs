using System.Globalization;
using Platform.ImageStore.Distribution;

namespace Platform.ImageStore.Api;

/// <summary>
/// The Content-Range of an upload chunk: "start-end", inclusive, as the distribution spec writes it
/// (the RFC 9110 form "bytes start-end/total" is accepted too).
/// </summary>
public readonly record struct ContentRange(long Start, long End)
{
    public long Length => End - Start + 1;

    public static ContentRange? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var text = header.Trim();
        text = text.StartsWith("bytes ", StringComparison.OrdinalIgnoreCase) ? text[6..] : text;
        text = text.Split('/')[0];
        var parts = text.Split('-');
        if (parts.Length == 2 && TryNumber(parts[0], out var start) && TryNumber(parts[1], out var end) && end >= start)
        {
            return new ContentRange(start, end);
        }

        throw new RegistryException(RegistryError.BlobUploadInvalid($"invalid Content-Range \"{header}\""));
    }

    private static bool TryNumber(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
