using System.Text.Json;

namespace Platform.ImageStore.Distribution;

/// <summary>Number reads that answer false for a non-number instead of throwing.</summary>
internal static class JsonNumbers
{
    public static bool TryReadInt32(this JsonElement element, out int value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value);
    }

    public static bool TryReadInt64(this JsonElement element, out long value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value);
    }
}
