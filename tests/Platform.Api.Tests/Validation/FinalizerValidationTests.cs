using Platform.Api.Model;
using Platform.Api.Validation;

namespace Platform.Api.Tests.Validation;

public sealed class FinalizerValidationTests
{
    private static List<FieldError> Errors(params string[] finalizers) =>
        MetadataValidator.Validate(new ObjectMeta { Name = "web", Finalizers = [.. finalizers] }, namespaced: true).ToList();

    [Fact]
    public void QualifiedAndStandardFinalizersAreAccepted() =>
        Assert.Empty(Errors("example.com/cleanup", "kubernetes", "orphan", "foregroundDeletion", "platform.io/a-b.c"));

    [Fact]
    public void AFinalizerWithoutADomainIsRefusedWithItsIndex()
    {
        var error = Assert.Single(Errors("example.com/ok", "cleanup"));
        Assert.Equal("metadata.finalizers[1]", error.Field);
        Assert.Contains("neither a standard finalizer name nor is it fully qualified", error.Detail);
    }

    [Fact]
    public void AFinalizerThatIsNoQualifiedNameIsRefused()
    {
        var error = Assert.Single(Errors("example.com/not valid"));
        Assert.Equal("metadata.finalizers[0]", error.Field);
        Assert.Equal("FieldValueInvalid", error.Type);
    }
}
