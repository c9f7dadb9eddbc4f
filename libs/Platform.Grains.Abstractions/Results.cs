using Platform.Api.Validation;

namespace Platform.Grains.Abstractions;

public enum WriteOutcome
{
    Created,
    Updated,
    Unchanged,
    Deleting,
    Deleted,
    NotFound,
    AlreadyExists,
    Conflict,
    Invalid,
}

/// <summary>The answer of a write to a grain: what happened, the object now, or why it was refused.</summary>
[GenerateSerializer, Immutable]
public sealed record WriteResult<T>(
    [property: Id(0)] WriteOutcome Outcome,
    [property: Id(1)] T? Object,
    [property: Id(2)] IReadOnlyList<FieldError>? Errors = null,
    [property: Id(3)] string? Message = null);

[GenerateSerializer, Immutable]
public sealed record BindResult([property: Id(0)] bool Bound, [property: Id(1)] string? NodeName, [property: Id(2)] string? Reason);
