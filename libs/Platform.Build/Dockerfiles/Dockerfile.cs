namespace Platform.Build.Dockerfiles;

/// <summary>A parsed Dockerfile: the escape character, the ARGs before the first FROM, and the stages.</summary>
public sealed record Dockerfile(char Escape, IReadOnlyList<Instruction> GlobalArgs, IReadOnlyList<BuildStage> Stages)
{
    /// <summary>The stage a build ends with: the one named <paramref name="target"/>, or the last.</summary>
    public int TargetIndex(string? target)
    {
        if (target is null)
        {
            return Stages.Count - 1;
        }

        for (var i = 0; i < Stages.Count; i++)
        {
            if (string.Equals(Stages[i].Name, target, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new DockerfileException($"target stage \"{target}\" could not be found", 1, 1);
    }

    /// <summary>The stage named <paramref name="nameOrIndex"/> (by name or number) among those before <paramref name="before"/>.</summary>
    public int? FindStage(string nameOrIndex, int before)
    {
        for (var i = 0; i < before; i++)
        {
            if (string.Equals(Stages[i].Name, nameOrIndex, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return int.TryParse(nameOrIndex, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < before
            ? index
            : null;
    }
}

/// <summary>One stage: its FROM and the instructions after it.</summary>
public sealed record BuildStage(int Index, string? Name, Instruction From, IReadOnlyList<Instruction> Instructions);
