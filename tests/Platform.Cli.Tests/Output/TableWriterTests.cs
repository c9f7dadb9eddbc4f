using Platform.Cli.Output;

namespace Platform.Cli.Tests.Output;

public class TableWriterTests
{
    [Fact]
    public void PadsEveryColumnButTheLastToItsWidestCellPlusThreeSpaces()
    {
        var text = TableWriter.Render(["A", "LONG-HEADER", "C"], [["wide-cell", "x", "last"]]);

        Assert.Equal(
            "A           LONG-HEADER   C\n" +
            "wide-cell   x             last\n",
            text);
    }

    [Fact]
    public void IndentsEveryLine() =>
        Assert.Equal("  X   Y\n  1   2\n", TableWriter.Render(["X", "Y"], [["1", "2"]], indent: "  "));

    [Theory]
    [InlineData(null, "<none>")]
    [InlineData("", "<none>")]
    [InlineData("node-a", "node-a")]
    public void EmptyValuesShowAsNone(string? value, string expected) =>
        Assert.Equal(expected, TableWriter.OrNone(value));
}
