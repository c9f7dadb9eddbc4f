using Platform.Api.Model;
using Platform.Api.Validation;

namespace Platform.NodeAgent.Node;

/// <summary>
/// The labels and taints this node registers with, as kubelet's --node-labels and --register-with-taints:
/// PLATFORM_NODE_LABELS=key=value,... and PLATFORM_NODE_TAINTS=key[=value]:Effect,...
/// A malformed setting stops the agent at start with one line naming the setting.
/// </summary>
public sealed record NodeRegistrationSettings(Dictionary<string, string> Labels, List<Taint> Taints)
{
    public const string LabelsVariable = "PLATFORM_NODE_LABELS";
    public const string TaintsVariable = "PLATFORM_NODE_TAINTS";

    public static NodeRegistrationSettings From(IConfiguration configuration) =>
        new(ParseLabels(configuration[LabelsVariable]), ParseTaints(configuration[TaintsVariable]));

    public static Dictionary<string, string> ParseLabels(string? text)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in Items(text))
        {
            var equals = item.IndexOf('=');
            if (equals < 0)
            {
                throw Invalid(LabelsVariable, item, "expected key=value");
            }

            var (key, value) = (item[..equals], item[(equals + 1)..]);
            if ((Names.CheckQualifiedName(key) ?? Names.CheckLabelValue(value)) is { } problem)
            {
                throw Invalid(LabelsVariable, item, problem);
            }

            labels[key] = value;
        }

        return labels;
    }

    public static List<Taint> ParseTaints(string? text)
    {
        var taints = new List<Taint>();
        foreach (var item in Items(text))
        {
            var colon = item.LastIndexOf(':');
            if (colon < 0)
            {
                throw Invalid(TaintsVariable, item, "expected key[=value]:Effect");
            }

            var pair = item[..colon];
            var equals = pair.IndexOf('=');
            taints.Add(new Taint
            {
                Key = equals < 0 ? pair : pair[..equals],
                Value = equals < 0 ? null : pair[(equals + 1)..],
                Effect = item[(colon + 1)..],
            });
        }

        if (SchedulingValidator.ValidateTaints(taints, TaintsVariable).FirstOrDefault() is { } error)
        {
            throw new InvalidOperationException($"{error.Field}: {error.Detail}");
        }

        return taints;
    }

    private static IEnumerable<string> Items(string? text) =>
        (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static InvalidOperationException Invalid(string variable, string item, string problem) =>
        new($"{variable}: \"{item}\": {problem}");
}
