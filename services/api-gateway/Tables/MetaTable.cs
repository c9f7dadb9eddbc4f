using System.Text.Json.Serialization;
using Platform.Api.Model;

namespace Platform.ApiGateway.Tables;

/// <summary>meta.k8s.io/v1 Table: what kubectl get asks for with <c>Accept: application/json;as=Table</c>.</summary>
public sealed class MetaTable
{
    public string Kind { get; set; } = "Table";
    public string ApiVersion { get; set; } = "meta.k8s.io/v1";
    public ListMeta Metadata { get; set; } = new();
    public List<MetaTableColumn> ColumnDefinitions { get; set; } = [];
    public List<MetaTableRow> Rows { get; set; } = [];
}

public sealed class MetaTableColumn
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "string";
    public string Format { get; set; } = "";
    public string Description { get; set; } = "";
    public int Priority { get; set; }
}

public sealed class MetaTableRow
{
    public object?[] Cells { get; set; } = [];

    /// <summary>PartialObjectMetadata by default, the whole object with includeObject=Object.</summary>
    [JsonPropertyName("object")]
    public object? Object { get; set; }
}

/// <summary>meta.k8s.io/v1 PartialObjectMetadata: a row's object, metadata only (kubectl reads the namespace from it).</summary>
public sealed class PartialObjectMetadata
{
    public string Kind { get; set; } = "PartialObjectMetadata";
    public string ApiVersion { get; set; } = "meta.k8s.io/v1";
    public ObjectMeta Metadata { get; set; } = new();
}
