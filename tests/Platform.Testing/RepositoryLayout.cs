namespace Platform.Testing;

/// <summary>Where the repository and the solution's build output are, seen from the running test assembly.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration this test assembly was built in, and so the services.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;

    public static string ServiceAssembly(string folder, string assembly) =>
        Built(Path.Combine(Root, "services", folder), assembly);

    public static string ImageStoreAssembly => ServiceAssembly("image-store", "Platform.ImageStore");

    public static string CliAssembly => Built(Path.Combine(Root, "cli", "platformctl"), "platformctl");

    /// <summary>The NativeAOT container runtime that infra/publish-runtime.sh published.</summary>
    public static string RuntimeBinary =>
        Path.Combine(Root, "out", "platform-runtime", "platform-runtime") is var path && File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is not published; run infra/publish-runtime.sh (./platform test does)");

    public static string Script(string relativePath) => Path.Combine(Root, relativePath);

    private static string Built(string projectFolder, string assembly)
    {
        var path = Path.Combine(projectFolder, "bin", Configuration, "net10.0", assembly + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is not built; build Platform.sln in {Configuration} first (./platform test does)");
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
