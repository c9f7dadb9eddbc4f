using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Api;

/// <summary>Images as the cluster knows them (platform.io/v1): read-only, written by the nodes' pulls.</summary>
public static class ImageEndpoints
{
    private const string Base = "/apis/platform.io/v1/images";

    public static void MapImages(this IEndpointRouteBuilder app)
    {
        app.MapGet(Base, List);
        app.MapGet(Base + "/{**name}", Get);
    }

    private static async Task<IResult> List(IGrainFactory grains)
    {
        var names = await grains.GetGrain<IResourceIndexGrain>(GrainKeys.ImageIndex).List(null);
        var images = await Task.WhenAll(names.Select(n => grains.GetGrain<IImageGrain>(n).Get()));
        var list = new ObjectList<Image> { ApiVersion = Image.GroupVersion, Kind = "ImageList", Items = images.OfType<Image>().ToList() };
        return Results.Json(list, ApiJson.Options);
    }

    private static async Task<IResult> Get(string name, IGrainFactory grains)
    {
        var image = await grains.GetGrain<IImageGrain>(name).Get();
        return image is null ? ApiErrors.NotFound("images", name) : Results.Json(image, ApiJson.Options);
    }
}
