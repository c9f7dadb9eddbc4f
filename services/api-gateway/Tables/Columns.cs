namespace Platform.ApiGateway.Tables;

/// <summary>Column helpers shared by the kinds' tables.</summary>
public static class Columns
{
    public static TableColumn Name(string kind) => new("Name", "string", $"Name must be unique within a namespace. The {kind}'s name.", Format: "name");

    public static readonly TableColumn Age = new("Age", "string", "CreationTimestamp: when the object was created.");

    public static string Join(IEnumerable<string?> values) => string.Join(",", values.Where(v => !string.IsNullOrEmpty(v)));

    public static string OrNone(string? value) => string.IsNullOrEmpty(value) ? "<none>" : value;
}
