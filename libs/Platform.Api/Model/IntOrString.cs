using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Api.Model;

/// <summary>A value given either as a number or as a string such as "25%" (maxSurge, maxUnavailable, ports).</summary>
[JsonConverter(typeof(IntOrStringConverter))]
public sealed record IntOrString
{
    public int? IntValue { get; init; }
    public string? StringValue { get; init; }

    public static IntOrString FromInt(int value) => new() { IntValue = value };

    public static IntOrString FromString(string value) => new() { StringValue = value };

    public bool IsPercent => StringValue is { } s && s.EndsWith('%');

    /// <summary>
    /// The absolute value against a total, as Kubernetes computes it: a percentage is rounded up or down
    /// as asked. Null when the string is neither a number nor a percentage.
    /// </summary>
    public int? Scaled(int total, bool roundUp)
    {
        if (IntValue is { } i)
        {
            return i;
        }

        var text = StringValue ?? "";
        if (IsPercent && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
        {
            var exact = (decimal)total * percent / 100m;
            return (int)(roundUp ? Math.Ceiling(exact) : Math.Floor(exact));
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var plain) ? plain : null;
    }

    public override string ToString() => IntValue?.ToString(CultureInfo.InvariantCulture) ?? StringValue ?? "";
}

public sealed class IntOrStringConverter : JsonConverter<IntOrString>
{
    public override IntOrString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt32(out var value) => IntOrString.FromInt(value),
        JsonTokenType.String => IntOrString.FromString(reader.GetString()!),
        _ => throw new JsonException("expected an integer or a string"),
    };

    public override void Write(Utf8JsonWriter writer, IntOrString value, JsonSerializerOptions options)
    {
        if (value.IntValue is { } i)
        {
            writer.WriteNumberValue(i);
        }
        else
        {
            writer.WriteStringValue(value.StringValue);
        }
    }
}
