using Orleans.Serialization;
using Platform.Api.Serialization;

namespace Platform.Grains.Abstractions;

/// <summary>
/// The API model and the message contracts cross grain calls as JSON, so they stay plain classes
/// without Orleans attributes. Silo and clients both call this.
/// </summary>
public static class SerializationSetup
{
    public static ISerializerBuilder AddPlatformTypes(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(IsPlatformModelType, ApiJson.Options);

    private static bool IsPlatformModelType(Type type) =>
        type.Namespace is "Platform.Api.Model" or "Platform.Api.Validation" or "Platform.Contracts";
}
