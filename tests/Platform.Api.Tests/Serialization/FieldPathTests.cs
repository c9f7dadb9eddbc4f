using Platform.Api.Serialization;

namespace Platform.Api.Tests.Serialization;

public class FieldPathTests
{
    [Theory]
    [InlineData("$.spec.containers[0].image", "spec.containers[0].image")]
    [InlineData("$.spec.foo", "spec.foo")]
    [InlineData("$['x-y']", "x-y")]
    [InlineData("$.metadata['x-y'].z", "metadata.x-y.z")]
    [InlineData("$.kind", "kind")]
    [InlineData("spec.containers", "spec.containers")]
    [InlineData("$", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void TurnsAJsonPathIntoAFieldPath(string? jsonPath, string expected) =>
        Assert.Equal(expected, FieldPath.FromJsonPath(jsonPath));
}
