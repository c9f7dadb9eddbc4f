using Platform.Cli.Output;

namespace Platform.Cli.Tests.Output;

public class HumanSizeTests
{
    [Theory]
    [InlineData(0, "0B")]
    [InlineData(217, "217B")]
    [InlineData(999, "999B")]
    [InlineData(1000, "1kB")]
    [InlineData(4260, "4.26kB")]
    [InlineData(12_500, "12.5kB")]
    [InlineData(999_600, "1MB")]
    [InlineData(1_062_658, "1.06MB")]
    [InlineData(187_000_000, "187MB")]
    [InlineData(1_240_000_000, "1.24GB")]
    public void SizesAreDecimalWithThreeSignificantDigits(long bytes, string expected) =>
        Assert.Equal(expected, HumanSize.Format(bytes));
}
