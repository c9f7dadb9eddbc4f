using Platform.Cli.Images;

namespace Platform.Cli.Tests.Images;

public class ImageCommandLineTests
{
    [Fact]
    public void NoValuesIsNoCommand()
    {
        Assert.Null(ImageCommandLine.Parse(null));
        Assert.Null(ImageCommandLine.Parse([]));
    }

    [Fact]
    public void RepeatedValuesAreTheArgumentsInOrder() =>
        Assert.Equal(["sh", "-c", "echo hi"], ImageCommandLine.Parse(["sh", "-c", "echo hi"]));

    [Fact]
    public void OneJsonArrayIsTheExecForm() =>
        Assert.Equal(["sh", "-c", "echo [hi]"], ImageCommandLine.Parse(["[\"sh\", \"-c\", \"echo [hi]\"]"]));

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("[\"sh\"")]
    [InlineData("[[\"sh\"]]")]
    public void AnythingButAnArrayOfStringsIsRefused(string text)
    {
        var error = Assert.Throws<CliException>(() => ImageCommandLine.Parse([text]));

        Assert.Equal($"--cmd {text}: not a JSON array of strings", error.Message);
    }
}
