namespace Platform.Build.Building;

/// <summary>
/// Docker's ARG rules for one stage: an ARG is visible only after it is declared in the stage (global
/// ARGs before FROM only in FROM lines, unless redeclared); its value is the <c>--build-arg</c> if given,
/// else its default. ENV of the same name wins over ARG when expanding.
/// </summary>
public sealed class StageVariables(IReadOnlyDictionary<string, string> buildArgs, IReadOnlyDictionary<string, string?> globalDefaults)
{
    private readonly Dictionary<string, string> declared = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Declared => declared;

    /// <summary>Declares ARG <paramref name="name"/>; returns its value (null when it has none).</summary>
    public string? Declare(string name, string? expandedDefault)
    {
        var value = buildArgs.TryGetValue(name, out var given) ? given
            : expandedDefault ?? (globalDefaults.TryGetValue(name, out var global) ? global : null);
        if (value is not null)
        {
            declared[name] = value;
        }

        return value;
    }

    /// <summary>What <c>$NAME</c> means in an instruction: the declared ARGs, overridden by the image's ENV.</summary>
    public Dictionary<string, string> ForExpansion(ImageState state)
    {
        var variables = new Dictionary<string, string>(declared, StringComparer.Ordinal);
        foreach (var (name, value) in state.Environment())
        {
            variables[name] = value;
        }

        return variables;
    }
}
