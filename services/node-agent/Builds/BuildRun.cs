using Platform.Build.Building;
using Platform.Build.Cache;
using Platform.Build.Dockerfiles;

namespace Platform.NodeAgent.Builds;

/// <summary>The state of one build in progress: the step counter, the finished stages, where its scratch files go.</summary>
internal sealed class BuildRun(BuildRequest request, Dockerfile dockerfile, string contextDirectory, BuildLayers layers, BuildCacheClient cache, IBuildOutput output)
{
    public BuildRequest Request => request;

    public Dockerfile Dockerfile => dockerfile;

    public string ContextDirectory => contextDirectory;

    public BuildLayers Layers => layers;

    public BuildCacheClient Cache => cache;

    public IBuildOutput Output => output;

    public List<ImageState> Stages { get; } = [];

    public required int TotalSteps { get; init; }

    public required string Scratch { get; init; }

    public int Step { get; private set; }

    public int Ran { get; set; }

    public int Cached { get; set; }

    public bool Explained { get; set; }

    public Task StepAsync(string text, CancellationToken cancellationToken) =>
        output.WriteLineAsync($"Step {++Step}/{TotalSteps} : {text}", cancellationToken);
}
