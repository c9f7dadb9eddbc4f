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

    /// <summary>
    /// platformctl as the tests run it: the NativeAOT binary infra/publish-cli.sh published, when it is
    /// at least as new as the built assembly (./platform test publishes right after building), else the
    /// built assembly through dotnet, so a test run after a plain build never meets a stale binary.
    /// </summary>
    public static (string FileName, IReadOnlyList<string> LeadingArguments) CliCommand
    {
        get
        {
            var assembly = CliAssembly;
            var binary = Path.Combine(Root, "out", "platformctl", "platformctl");
            return File.Exists(binary) && File.GetLastWriteTimeUtc(binary) >= File.GetLastWriteTimeUtc(assembly)
                ? (binary, [])
                : ("dotnet", [assembly]);
        }
    }

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
