using Platform.ApiGateway.Resources;
using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Tests.Resources;

public sealed class DeleteOptionsReaderTests
{
    [Theory]
    [InlineData(null, null, DeletePropagation.Background)]
    [InlineData("", null, DeletePropagation.Background)]
    [InlineData("Background", null, DeletePropagation.Background)]
    [InlineData("Foreground", null, DeletePropagation.Foreground)]
    [InlineData("Orphan", null, DeletePropagation.Orphan)]
    [InlineData(null, true, DeletePropagation.Orphan)]
    [InlineData(null, false, DeletePropagation.Background)]
    public void ThePolicyIsKubernetesOne(string? policy, bool? orphanDependents, DeletePropagation expected)
    {
        var decided = DeleteOptionsReader.Decide(policy, orphanDependents);
        Assert.Null(decided.Error);
        Assert.Equal(expected, decided.Propagation);
    }

    [Theory]
    [InlineData("orphan", null)]
    [InlineData("Sideways", null)]
    [InlineData("0", null)]
    [InlineData("Orphan", true)]
    public void AnUnknownPolicyOrBothFieldsAreRefused(string? policy, bool? orphanDependents) =>
        Assert.NotNull(DeleteOptionsReader.Decide(policy, orphanDependents).Error);
}
