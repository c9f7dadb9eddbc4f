using Platform.Api.Model;

namespace Platform.ApiGateway.Tables;

/// <summary>One column of a server-side table, as kubectl prints it (priority 1 columns only with -o wide).</summary>
public sealed record TableColumn(string Name, string Type, string Description, int Priority = 0, string Format = "");

/// <summary>The columns of a kind and how one object fills them.</summary>
public sealed record TableDefinition(IReadOnlyList<TableColumn> Columns, Func<IApiObject, DateTimeOffset, object?[]> Row);
