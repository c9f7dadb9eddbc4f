using Microsoft.Extensions.Configuration;
using Platform.NodeAgent.Node;

namespace Platform.NodeAgent.Tests.Node;

public class NodeRegistrationSettingsTests
{
    [Fact]
    public void NothingConfiguredIsNoLabelsAndNoTaints()
    {
        var settings = NodeRegistrationSettings.From(new ConfigurationBuilder().Build());

        Assert.Empty(settings.Labels);
        Assert.Empty(settings.Taints);
    }

    [Fact]
    public void LabelsAreKeyValuePairsAsKubeletsNodeLabels()
    {
        var settings = NodeRegistrationSettings.From(Configuration(labels: "disk=ssd, example.com/zone=a ,empty="));

        Assert.Equal(new Dictionary<string, string> { ["disk"] = "ssd", ["example.com/zone"] = "a", ["empty"] = "" }, settings.Labels);
    }

    [Fact]
    public void TaintsAreKeyValueEffectAsKubeletsRegisterWithTaints()
    {
        var settings = NodeRegistrationSettings.From(Configuration(taints: "dedicated=gpu:NoSchedule,maintenance:NoExecute,example.com/slow=yes:PreferNoSchedule"));

        Assert.Equal(
            ["{dedicated: gpu} NoSchedule", "{maintenance: } NoExecute", "{example.com/slow: yes} PreferNoSchedule"],
            settings.Taints.Select(t => $"{t} {t.Effect}"));
        Assert.Null(settings.Taints[1].Value);
    }

    [Theory]
    [InlineData("disk", null, "PLATFORM_NODE_LABELS: \"disk\": expected key=value")]
    [InlineData("bad key=x", null, "PLATFORM_NODE_LABELS: \"bad key=x\": name part must consist of alphanumeric characters, '-', '_' or '.', must start and end with an alphanumeric character, and be at most 63 characters")]
    [InlineData(null, "dedicated=gpu", "PLATFORM_NODE_TAINTS: \"dedicated=gpu\": expected key[=value]:Effect")]
    [InlineData(null, "dedicated=gpu:Never", "PLATFORM_NODE_TAINTS[0].effect: Unsupported value: \"Never\": supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"")]
    [InlineData(null, "a:NoSchedule,a=b:NoSchedule", "PLATFORM_NODE_TAINTS[1]: Duplicate value: \"a:NoSchedule\"")]
    public void AMalformedSettingStopsTheAgentWithOneLine(string? labels, string? taints, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => NodeRegistrationSettings.From(Configuration(labels, taints)));

        Assert.Equal(message, error.Message);
    }

    private static IConfiguration Configuration(string? labels = null, string? taints = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [NodeRegistrationSettings.LabelsVariable] = labels,
            [NodeRegistrationSettings.TaintsVariable] = taints,
        }).Build();
}
