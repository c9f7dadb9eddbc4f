using System.Text;

namespace Platform.ApiGateway.Discovery;

/// <summary>
/// kubectl apply fetches the OpenAPI v2 document (as protobuf) before it validates a manifest client-side,
/// and stops if there is none. This serves a valid document that describes no kinds: kubectl then leaves
/// validation to the server, which refuses unknown fields with their path (strict decoding).
/// </summary>
public static class OpenApiEndpoints
{
    // What kube-apiserver answers for the protobuf form (Go cannot parse the requested type back as a Content-Type).
    private const string ProtobufType = "application/octet-stream";

    public static void MapOpenApi(this IEndpointRouteBuilder app)
    {
        var document = Document();
        app.MapGet("/openapi/v2", (HttpRequest request) =>
            request.Headers.Accept.ToString().Contains("protobuf", StringComparison.Ordinal)
                ? Results.Bytes(document, ProtobufType)
                : Results.Json(new { swagger = "2.0", info = new { title = "Platform", version = "v1.32.0" }, paths = new { } }));
    }

    /// <summary>gnostic's openapi_v2.Document: swagger = 1 ("2.0"), info = 2 (title = 1, version = 2).</summary>
    private static byte[] Document()
    {
        var info = Concat(Field(1, "Platform"), Field(2, "v1.32.0"));
        return Concat(Field(1, "2.0"), Field(2, info));
    }

    private static byte[] Field(int number, string text) => Field(number, Encoding.UTF8.GetBytes(text));

    private static byte[] Field(int number, byte[] payload)
    {
        // Length-delimited (wire type 2); every length here is below 128, so one varint byte.
        return Concat([(byte)((number << 3) | 2), (byte)payload.Length], payload);
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
