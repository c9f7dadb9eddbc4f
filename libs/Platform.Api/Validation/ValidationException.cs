namespace Platform.Api.Validation;

/// <summary>An object failed validation; carries every field error found.</summary>
public sealed class ValidationException(string kind, string? name, IReadOnlyList<FieldError> errors)
    : Exception($"{kind} \"{name}\" is invalid: {string.Join(", ", errors)}")
{
    public string Kind { get; } = kind;
    public string? Name { get; } = name;
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
