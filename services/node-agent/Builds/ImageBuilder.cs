using Platform.Build.Building;
using Platform.Build.Cache;
using Platform.Build.Dockerfiles;
using Platform.Build.Layers;
using Platform.Oci.References;
using Platform.Oci.Store;

namespace Platform.NodeAgent.Builds;

/// <summary>
/// Builds a Dockerfile step by step. Each step's cache key is its parent's key plus the expanded
/// instruction (plus the copied files' digest); a key the cluster's cache knows is not run, its layer
/// reused. A missed RUN, COPY or ADD runs on an overlay of the layers so far, and the overlay's upper
/// directory becomes the step's layer, pushed to the target repository at once. The image is tagged
/// only when every step succeeded; a failed step records nothing.
/// </summary>
public sealed partial class ImageBuilder(ImagePuller puller, RunStep runStep, NodeAgentSettings settings, ILogger<ImageBuilder> logger)
{
    public async Task<Digest> BuildAsync(
        BuildRequest request, string contextDirectory, string dockerfileText, BuildLayers layers, BuildCacheClient cache,
        IBuildOutput output, CancellationToken cancellationToken)
    {
        var dockerfile = DockerfileParser.Parse(dockerfileText);
        var target = dockerfile.TargetIndex(request.Target);
        var run = new BuildRun(request, dockerfile, contextDirectory, layers, cache, output)
        {
            TotalSteps = dockerfile.Stages.Take(target + 1).Sum(s => s.Instructions.Count + 1),
            Scratch = Path.Combine(settings.DataDirectory, "builds", Guid.NewGuid().ToString("N")),
        };
        Directory.CreateDirectory(run.Scratch);
        try
        {
            var globalArgs = GlobalArgs(dockerfile, request.BuildArgs);
            for (var index = 0; index <= target; index++)
            {
                run.Stages.Add(await BuildStageAsync(run, dockerfile.Stages[index], globalArgs, cancellationToken));
            }

            var digest = await layers.PushImageAsync(run.Stages[^1], request.Tag, cancellationToken);
            LogBuilt(request.Tag.ToString(), digest.ToString(), run.Ran, run.Cached);
            return digest;
        }
        finally
        {
            Directory.Delete(run.Scratch, recursive: true);
        }
    }

    private async Task<ImageState> BuildStageAsync(BuildRun run, BuildStage stage, IReadOnlyDictionary<string, string?> globalArgs, CancellationToken cancellationToken)
    {
        await run.StepAsync(stage.From.Text, cancellationToken);
        var state = await FromAsync(run, stage, globalArgs, cancellationToken);
        var variables = new StageVariables(run.Request.BuildArgs, globalArgs);
        foreach (var instruction in stage.Instructions)
        {
            await run.StepAsync(instruction.Text, cancellationToken);
            state = await StepAsync(run, instruction, state, variables, cancellationToken);
        }

        return state;
    }

    private async Task<ImageState> FromAsync(BuildRun run, BuildStage stage, IReadOnlyDictionary<string, string?> globalArgs, CancellationToken cancellationToken)
    {
        var fromVariables = globalArgs.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value!);
        var words = ShellWord.SplitWords(stage.From.Arguments, run.Dockerfile.Escape);
        var image = MetadataInstructions.Expanding(stage.From, () => ShellWord.Expand(words[0], fromVariables, run.Dockerfile.Escape));
        if (image.Equals("scratch", StringComparison.OrdinalIgnoreCase))
        {
            return ImageState.Scratch(CacheKeys.ForBase("scratch"));
        }

        if (run.Dockerfile.FindStage(image, stage.Index) is { } earlier)
        {
            return run.Stages[earlier];
        }

        var pulled = await PullAsync(run, image, cancellationToken);
        return ImageState.FromBase(pulled.Config, BaseLayers(pulled), CacheKeys.ForBase(pulled.ManifestDigest.ToString()));
    }

    private async Task<PulledImage> PullAsync(BuildRun run, string image, CancellationToken cancellationToken)
    {
        if (!ImageReference.TryParse(image, out var reference, settings.DefaultRegistry))
        {
            throw new BuildFailedException($"invalid image reference \"{image}\"");
        }

        try
        {
            return await puller.PullAsync(reference!, progress: null, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            throw new BuildFailedException($"base image \"{image}\" could not be pulled: {e.Message}");
        }
    }

    private static List<LayerReference> BaseLayers(PulledImage pulled) => pulled.LayerBlobs
        .Select((blob, i) => new LayerReference(Digest.Parse(blob.Digest), Digest.Parse(pulled.Config.RootFileSystem.DiffIds[i]), blob.Size, blob.MediaType, pulled.Reference.Repository))
        .ToList();

    private async Task<ImageState> StepAsync(BuildRun run, Instruction instruction, ImageState state, StageVariables variables, CancellationToken cancellationToken)
    {
        var escape = run.Dockerfile.Escape;
        if (instruction.Keyword == "ARG")
        {
            var (name, raw) = KeyValueArguments.ParseArg(instruction, escape);
            var value = variables.Declare(name, raw is null ? null : MetadataInstructions.Expanding(instruction, () => ShellWord.Expand(raw, variables.ForExpansion(state), escape)));
            return await CachedOrAsync(run, state, $"ARG {name}={value}", null, null, () => Task.FromResult(state), cancellationToken);
        }

        if (MetadataInstructions.Handles(instruction.Keyword))
        {
            var (next, expanded) = MetadataInstructions.Apply(instruction, state, variables.ForExpansion(state), escape);
            return await CachedOrAsync(run, state, expanded, null, null, () => Task.FromResult(next), cancellationToken);
        }

        return instruction.Keyword switch
        {
            "RUN" => await RunAsync(run, instruction, state, variables, cancellationToken),
            _ => await CopyAsync(run, instruction, state, variables, cancellationToken),
        };
    }

    private Task<ImageState> RunAsync(BuildRun run, Instruction instruction, ImageState state, StageVariables variables, CancellationToken cancellationToken)
    {
        var command = MetadataInstructions.Command(instruction, state);
        // Build arguments reach RUN through its environment, so their values are part of its key.
        var args = string.Join(' ', variables.Declared.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));
        var expanded = $"RUN {System.Text.Json.JsonSerializer.Serialize(command)} {args}";
        return CachedOrAsync(run, state, expanded, null, null, async () =>
        {
            using var step = new StepDirectory(Path.Combine(run.Scratch, $"step-{run.Step}"));
            var directories = await run.Layers.DirectoriesAsync(state.Layers, cancellationToken);
            await runStep.RunAsync(step, directories, state, command, variables.Declared, $"build-{Path.GetFileName(run.Scratch)[..12]}-{run.Step}", run.Output, cancellationToken);
            return await CommitAsync(run, step, state, cancellationToken, excludeMountPoints: true);
        }, cancellationToken);
    }

    private async Task<ImageState> CopyAsync(BuildRun run, Instruction instruction, ImageState state, StageVariables variables, CancellationToken cancellationToken)
    {
        var escape = run.Dockerfile.Escape;
        var expansion = variables.ForExpansion(state);
        string Expand(string word) => MetadataInstructions.Expanding(instruction, () => ShellWord.Expand(word, expansion, escape));
        var words = (instruction.JsonArguments ?? ShellWord.SplitWords(instruction.Arguments, escape)).Select(Expand).ToList();
        var destination = words[^1];
        if (!destination.StartsWith('/'))
        {
            var relative = MetadataInstructions.WorkingDirectory(state.Config.WorkingDir, destination);
            destination = destination.EndsWith('/') ? relative.TrimEnd('/') + "/" : relative;
        }

        var from = instruction.Flag("from") is { } fromFlag ? Expand(fromFlag) : null;
        var chown = instruction.Flag("chown") is { } chownFlag ? Expand(chownFlag) : null;
        var chmod = instruction.Flag("chmod");
        var flags = $"{(from is null ? "" : $"--from={from} ")}{(chown is null ? "" : $"--chown={chown} ")}{(chmod is null ? "" : $"--chmod={chmod} ")}";
        var expanded = $"{instruction.Keyword} {flags}{string.Join(' ', words[..^1])} {destination}";

        string contentDigest;
        IReadOnlyDictionary<string, string>? files = null;
        ImageState? fromStage = null;
        if (from is null)
        {
            var sources = CopySources.Match(run.ContextDirectory, words[..^1], instruction.Keyword);
            files = CopySources.Digest(sources);
            contentDigest = CopySources.Combine(files);
        }
        else
        {
            fromStage = run.Dockerfile.FindStage(from, run.Stages.Count) is { } index ? run.Stages[index] : null;
            contentDigest = fromStage?.CacheKey ?? (await PullAsync(run, from, cancellationToken)).ManifestDigest.ToString();
        }

        return await CachedOrAsync(run, state, expanded, contentDigest, files, async () =>
        {
            using var step = new StepDirectory(Path.Combine(run.Scratch, $"step-{run.Step}"));
            step.MountWritable(await run.Layers.DirectoriesAsync(state.Layers, cancellationToken));
            var sourceRoot = from is null ? run.ContextDirectory : step.MountSource("source", await SourceLayersAsync(run, from, fromStage, cancellationToken));
            var sources = CopySources.Match(sourceRoot, words[..^1], instruction.Keyword);
            await new CopyStep(step.RootFs, chown, chmod).CopyAsync(sources, destination, instruction.Keyword == "ADD" && from is null, step.Path, cancellationToken);
            step.Unmount();
            return await CommitAsync(run, step, state, cancellationToken, excludeMountPoints: false);
        }, cancellationToken);
    }

    private async Task<List<string>> SourceLayersAsync(BuildRun run, string from, ImageState? stage, CancellationToken cancellationToken)
    {
        if (stage is not null)
        {
            return await run.Layers.DirectoriesAsync(stage.Layers, cancellationToken);
        }

        return (await PullAsync(run, from, cancellationToken)).LayerDirectories.ToList();
    }

    /// <summary>The step's upper directory becomes a layer, pushed to the target repository and unpacked on this node.</summary>
    private static async Task<ImageState> CommitAsync(BuildRun run, StepDirectory step, ImageState state, CancellationToken cancellationToken, bool excludeMountPoints)
    {
        Directory.CreateDirectory(step.Upper);
        var written = await LayerTarWriter.WriteAsync(step.Upper, Path.Combine(step.Path, "layer.tar"),
            excludeMountPoints ? name => name is "proc" or "sys" or "dev" : null, cancellationToken);
        var layer = await run.Layers.PublishAsync(written, run.Request.Tag.Repository, cancellationToken);
        return state with { Layers = [.. state.Layers, layer] };
    }

    /// <summary>
    /// Looks the step's key up in the cluster's cache: a hit takes the recorded layer (or, for a
    /// metadata step, just the computed config); a miss runs <paramref name="execute"/> and records it.
    /// </summary>
    private static async Task<ImageState> CachedOrAsync(
        BuildRun run, ImageState state, string expanded, string? contentDigest, IReadOnlyDictionary<string, string>? files,
        Func<Task<ImageState>> execute, CancellationToken cancellationToken)
    {
        var key = CacheKeys.Of(state.CacheKey, expanded, contentDigest);
        var entry = run.Request.NoCache ? null : await run.Cache.FindAsync(key, cancellationToken);
        var emptyLayer = !expanded.StartsWith("RUN ", StringComparison.Ordinal) && !expanded.StartsWith("COPY ", StringComparison.Ordinal) && !expanded.StartsWith("ADD ", StringComparison.Ordinal);
        if (entry is not null && (entry.Layer is null || await run.Layers.LinkAsync(ToReference(entry.Layer), run.Request.Tag.Repository, cancellationToken)))
        {
            await run.Output.WriteLineAsync(" ---> CACHED", cancellationToken);
            run.Cached++;
            var cached = entry.Layer is null ? await execute() : state with { Layers = [.. state.Layers, ToReference(entry.Layer) with { Repository = run.Request.Tag.Repository }] };
            return cached.WithHistory(expanded, emptyLayer, key);
        }

        if (run.Request.Explain && !run.Explained)
        {
            run.Explained = true;
            await run.Output.WriteLineAsync(" ---> " + await CacheExplanation.ExplainAsync(run.Cache, state.CacheKey, expanded, files, run.Request.NoCache, cancellationToken), cancellationToken);
        }

        run.Ran++;
        var next = await execute();
        var added = next.Layers.Count > state.Layers.Count ? next.Layers[^1] : null;
        await run.Cache.RecordAsync(new CacheEntry
        {
            Key = key,
            Parent = state.CacheKey,
            Instruction = expanded,
            Files = files,
            Layer = added is null ? null : new CachedLayer
            {
                Digest = added.BlobDigest.ToString(),
                DiffId = added.DiffId.ToString(),
                Size = added.Size,
                MediaType = added.MediaType,
                Repository = added.Repository,
            },
        }, cancellationToken);
        return next.WithHistory(expanded, emptyLayer, key);
    }

    private static LayerReference ToReference(CachedLayer layer) =>
        new(Digest.Parse(layer.Digest), Digest.Parse(layer.DiffId), layer.Size, layer.MediaType, layer.Repository);

    /// <summary>The ARGs before the first FROM: build arguments override their defaults.</summary>
    private static Dictionary<string, string?> GlobalArgs(Dockerfile dockerfile, IReadOnlyDictionary<string, string> buildArgs)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var instruction in dockerfile.GlobalArgs)
        {
            var (name, raw) = KeyValueArguments.ParseArg(instruction, dockerfile.Escape);
            var known = values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!);
            values[name] = buildArgs.TryGetValue(name, out var given) ? given
                : raw is null ? null : MetadataInstructions.Expanding(instruction, () => ShellWord.Expand(raw, known, dockerfile.Escape));
        }

        return values;
    }

    [LoggerMessage(LogLevel.Information, "Built {Image} ({Digest}): {Ran} steps ran, {Cached} cached")]
    private partial void LogBuilt(string image, string digest, int ran, int cached);
}
