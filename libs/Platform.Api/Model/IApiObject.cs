namespace Platform.Api.Model;

/// <summary>Any stored object: a type header and metadata. Lets generic code (watch, tables, selectors) handle every kind.</summary>
public interface IApiObject
{
    string? ApiVersion { get; set; }
    string? Kind { get; set; }
    ObjectMeta Metadata { get; set; }
}
