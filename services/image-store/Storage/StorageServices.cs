namespace Platform.ImageStore.Storage;

public static class StorageServices
{
    public static IServiceCollection AddImageStorage(this IServiceCollection services) => services
        .AddSingleton<StoreLayout>()
        .AddSingleton<StoreLock>()
        .AddSingleton<BlobStore>()
        .AddSingleton<UploadStore>()
        .AddSingleton<RepositoryStore>()
        .AddSingleton<TagStore>()
        .AddSingleton<ReferrerStore>()
        .AddSingleton<ManifestStore>();
}
