namespace Platform.Cli.Tests.Support;

/// <summary>A fresh directory under /tmp, deleted with its content on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("platformctl-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A new empty subdirectory, e.g. an import's work directory.</summary>
    public string Subdirectory(string name) => Directory.CreateDirectory(File(name)).FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
