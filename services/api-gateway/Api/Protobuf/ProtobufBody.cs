using System.Text.Json.Nodes;

namespace Platform.ApiGateway.Api.Protobuf;

/// <summary>
/// Kubernetes' protobuf envelope ("k8s\0" + runtime.Unknown) for the one kind a real client writes with it here:
/// kubectl 1.32's typed client creates autoscaling/v1 HorizontalPodAutoscalers in protobuf (kubectl autoscale). The
/// object becomes the JSON the rest of the API reads; any other kind is refused as an unsupported media type.
/// </summary>
public static class ProtobufBody
{
    public const string ContentType = "application/vnd.kubernetes.protobuf";
    private static readonly byte[] Magic = "k8s\0"u8.ToArray();

    public static JsonObject? Decode(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(Magic))
        {
            throw new FormatException("a protobuf body must start with the k8s envelope");
        }

        string? apiVersion = null, kind = null;
        ReadOnlySpan<byte> raw = default;
        var reader = new ProtobufReader(body[Magic.Length..]);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1:
                    (apiVersion, kind) = ReadTypeMeta(reader.ReadBytes());
                    break;
                case 2:
                    raw = reader.ReadBytes();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return (apiVersion, kind) == ("autoscaling/v1", "HorizontalPodAutoscaler") ? AutoscalerV1(raw) : null;
    }

    private static (string? ApiVersion, string? Kind) ReadTypeMeta(ReadOnlySpan<byte> message)
    {
        string? apiVersion = null, kind = null;
        var reader = new ProtobufReader(message);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1) { apiVersion = reader.ReadString(); }
            else if (field == 2) { kind = reader.ReadString(); }
            else { reader.Skip(wire); }
        }

        return (apiVersion, kind);
    }

    /// <summary>autoscaling/v1 HorizontalPodAutoscaler: metadata = 1, spec = 2 (status, 3, is the server's).</summary>
    private static JsonObject AutoscalerV1(ReadOnlySpan<byte> message)
    {
        var result = new JsonObject { ["apiVersion"] = "autoscaling/v1", ["kind"] = "HorizontalPodAutoscaler" };
        var reader = new ProtobufReader(message);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1) { result["metadata"] = ObjectMeta(reader.ReadBytes()); }
            else if (field == 2) { result["spec"] = AutoscalerSpecV1(reader.ReadBytes()); }
            else { reader.Skip(wire); }
        }

        return result;
    }

    /// <summary>ObjectMeta: name 1, generateName 2, namespace 3, labels 11, annotations 12; the rest is the server's.</summary>
    private static JsonObject ObjectMeta(ReadOnlySpan<byte> message)
    {
        var meta = new JsonObject();
        var reader = new ProtobufReader(message);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1: SetNonEmpty(meta, "name", reader.ReadString()); break;
                case 2: SetNonEmpty(meta, "generateName", reader.ReadString()); break;
                case 3: SetNonEmpty(meta, "namespace", reader.ReadString()); break;
                case 11: AddEntry(meta, "labels", reader.ReadBytes()); break;
                case 12: AddEntry(meta, "annotations", reader.ReadBytes()); break;
                default: reader.Skip(wire); break;
            }
        }

        return meta;
    }

    /// <summary>Go's protobuf writes empty strings too; in JSON they would be "" where Kubernetes means unset.</summary>
    private static void SetNonEmpty(JsonObject target, string name, string value)
    {
        if (value.Length > 0)
        {
            target[name] = value;
        }
    }

    private static void AddEntry(JsonObject meta, string map, ReadOnlySpan<byte> entry)
    {
        string key = "", value = "";
        var reader = new ProtobufReader(entry);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1) { key = reader.ReadString(); }
            else if (field == 2) { value = reader.ReadString(); }
            else { reader.Skip(wire); }
        }

        if (meta[map] is not JsonObject values)
        {
            meta[map] = values = new JsonObject();
        }

        values[key] = value;
    }

    /// <summary>scaleTargetRef 1 (kind 1, name 2, apiVersion 3), minReplicas 2, maxReplicas 3, targetCPUUtilizationPercentage 4.</summary>
    private static JsonObject AutoscalerSpecV1(ReadOnlySpan<byte> message)
    {
        var spec = new JsonObject();
        var reader = new ProtobufReader(message);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1: spec["scaleTargetRef"] = TargetReference(reader.ReadBytes()); break;
                case 2: spec["minReplicas"] = (int)reader.ReadVarint(); break;
                case 3: spec["maxReplicas"] = (int)reader.ReadVarint(); break;
                case 4: spec["targetCPUUtilizationPercentage"] = (int)reader.ReadVarint(); break;
                default: reader.Skip(wire); break;
            }
        }

        return spec;
    }

    private static JsonObject TargetReference(ReadOnlySpan<byte> message)
    {
        var target = new JsonObject();
        var reader = new ProtobufReader(message);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1: SetNonEmpty(target, "kind", reader.ReadString()); break;
                case 2: SetNonEmpty(target, "name", reader.ReadString()); break;
                case 3: SetNonEmpty(target, "apiVersion", reader.ReadString()); break;
                default: reader.Skip(wire); break;
            }
        }

        return target;
    }
}
