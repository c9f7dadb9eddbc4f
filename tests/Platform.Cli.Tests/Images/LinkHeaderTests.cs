using Platform.Cli.Images;

namespace Platform.Cli.Tests.Images;

public class LinkHeaderTests
{
    private static readonly Uri Request = new("http://127.0.0.1:5000/v2/_catalog?n=2");

    [Theory]
    [InlineData("</v2/_catalog?n=2&last=b>; rel=\"next\"")]
    [InlineData("</v2/_catalog?n=2&last=b>;rel=next")]
    [InlineData("<http://127.0.0.1:5000/v2/_catalog?n=2&last=b>; rel=\"next last\"")]
    public void TheNextPageIsResolvedAgainstTheRequest(string header) =>
        Assert.Equal(new Uri("http://127.0.0.1:5000/v2/_catalog?n=2&last=b"), LinkHeader.Next([header], Request));

    [Fact]
    public void OtherRelationsAreNoNextPage() =>
        Assert.Null(LinkHeader.Next(["</v2/_catalog?n=2>; rel=\"prev\""], Request));

    [Fact]
    public void NoHeaderIsTheLastPage() =>
        Assert.Null(LinkHeader.Next([], Request));
}
