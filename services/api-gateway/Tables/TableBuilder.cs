using Platform.Api.Model;

namespace Platform.ApiGateway.Tables;

/// <summary>Turns objects into a Table; rows carry the object's metadata (or the object) as kubectl expects.</summary>
public static class TableBuilder
{
    public static MetaTable Build(TableDefinition definition, IEnumerable<IApiObject> items, string? resourceVersion, bool includeObject, bool includeColumns = true)
    {
        var now = DateTimeOffset.UtcNow;
        return new MetaTable
        {
            Metadata = new ListMeta { ResourceVersion = resourceVersion },
            ColumnDefinitions = includeColumns
                ? definition.Columns.Select(c => new MetaTableColumn { Name = c.Name, Type = c.Type, Format = c.Format, Description = c.Description, Priority = c.Priority }).ToList()
                : [],
            Rows = items.Select(item => new MetaTableRow
            {
                Cells = definition.Row(item, now),
                Object = includeObject ? item : new PartialObjectMetadata { Metadata = item.Metadata },
            }).ToList(),
        };
    }

    /// <summary>Whether the Accept header asks for a Table (kubectl get does; a plain list is the fallback).</summary>
    public static bool IsRequested(string? accept) =>
        accept is not null && accept.Split(',').Any(part => part.Contains("as=Table", StringComparison.Ordinal));
}
