namespace Platform.Api.Validation;

/// <summary>One problem with one field, worded as the Kubernetes API words it.</summary>
public sealed record FieldError(string Field, string Type, string Detail)
{
    public static FieldError Required(string field) => new(field, "FieldValueRequired", "Required value");

    public static FieldError Required(string field, string detail) => new(field, "FieldValueRequired", $"Required value: {detail}");

    public static FieldError NotFound(string field, string? value) => new(field, "FieldValueNotFound", $"Not found: \"{value}\"");

    public static FieldError Invalid(string field, string? value, string detail) =>
        new(field, "FieldValueInvalid", $"Invalid value: \"{value}\": {detail}");

    public static FieldError NotSupported(string field, string? value, IEnumerable<string> supported) =>
        new(field, "FieldValueNotSupported",
            $"Unsupported value: \"{value}\": supported values: {string.Join(", ", supported.Select(s => $"\"{s}\""))}");

    public static FieldError Duplicate(string field, string? value) =>
        new(field, "FieldValueDuplicate", $"Duplicate value: \"{value}\"");

    public static FieldError Forbidden(string field, string detail) => new(field, "FieldValueForbidden", $"Forbidden: {detail}");

    public override string ToString() => $"{Field}: {Detail}";
}
