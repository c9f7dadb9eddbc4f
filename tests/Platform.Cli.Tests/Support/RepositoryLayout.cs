namespace Platform.Cli.Tests.Support;

/// <summary>Where the repository and the image store's build output are, seen from this test assembly.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration this test assembly was built in, and so the service.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;

    public static string ImageStoreAssembly
    {
        get
        {
            var path = Path.Combine(Root, "services", "image-store", "bin", Configuration, "net10.0", "Platform.ImageStore.dll");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"{path} is not built; build the solution in {Configuration} first (./platform test does)");
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
