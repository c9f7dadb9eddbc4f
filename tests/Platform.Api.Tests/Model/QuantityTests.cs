using Platform.Api.Model;

namespace Platform.Api.Tests.Model;

public class QuantityTests
{
    [Theory]
    [InlineData("500m", "0.5")]
    [InlineData("1", "1")]
    [InlineData("1.5", "1.5")]
    [InlineData(".5", "0.5")]
    [InlineData("+2", "2")]
    [InlineData("0", "0")]
    [InlineData("64Mi", "67108864")]
    [InlineData("1Ki", "1024")]
    [InlineData("1Gi", "1073741824")]
    [InlineData("1Ti", "1099511627776")]
    [InlineData("1Pi", "1125899906842624")]
    [InlineData("1Ei", "1152921504606846976")]
    [InlineData("1G", "1000000000")]
    [InlineData("100k", "100000")]
    [InlineData("3M", "3000000")]
    [InlineData("1E", "1000000000000000000")]
    [InlineData("250u", "0.00025")]
    [InlineData("5n", "0.000000005")]
    [InlineData("2e3", "2000")]
    [InlineData("2E3", "2000")]
    [InlineData("15e-1", "1.5")]
    [InlineData("1e+2", "100")]
    [InlineData("-1", "-1")]
    public void ParsesExactly(string text, string expected)
    {
        Assert.True(Quantity.TryParse(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("1Mi1")]
    [InlineData("0x10")]
    [InlineData("Mi")]
    [InlineData("1K")]
    [InlineData("1mi")]
    [InlineData("1e")]
    [InlineData("1e1000")]
    [InlineData("1e999")]
    [InlineData("--1")]
    [InlineData(".")]
    public void RejectsMalformedText(string text)
    {
        Assert.False(Quantity.TryParse(text, out var value));
        Assert.Equal(0m, value);
    }

    [Fact]
    public void RejectsNull()
    {
        Assert.False(Quantity.TryParse(null, out var value));
        Assert.Equal(0m, value);
    }

    [Fact]
    public void RejectsATrailingNewline() =>
        Assert.False(Quantity.TryParse("1\n", out _));

    [Fact]
    public void ANumberTooLargeForADecimalIsRejectedNotThrown()
    {
        // 10^31: more digits than System.Decimal holds (about 7.9 * 10^28).
        var text = "1" + new string('0', 31);

        Assert.False(Quantity.TryParse(text, out var value));
        Assert.Equal(0m, value);
    }

    [Theory]
    [InlineData("1m", 1)]
    [InlineData("0.0001", 1)]
    [InlineData("1n", 1)]
    [InlineData("0", 0)]
    [InlineData("500m", 500)]
    [InlineData("1.5", 1500)]
    [InlineData("2", 2000)]
    [InlineData("1001u", 2)]
    public void ToMilliRoundsUp(string text, long expected)
    {
        Assert.True(Quantity.TryParse(text, out var value));
        Assert.Equal(expected, Quantity.ToMilli(value));
    }

    [Theory]
    [InlineData("0.5", 1)]
    [InlineData("1", 1)]
    [InlineData("1.0001", 2)]
    [InlineData("64Mi", 67108864)]
    [InlineData("1500m", 2)]
    public void ToWholeRoundsUp(string text, long expected)
    {
        Assert.True(Quantity.TryParse(text, out var value));
        Assert.Equal(expected, Quantity.ToWhole(value));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "1m")]
    [InlineData(500, "500m")]
    [InlineData(1000, "1")]
    [InlineData(1500, "1500m")]
    [InlineData(4000, "4")]
    public void FormatsMilliCpu(long milli, string expected) =>
        Assert.Equal(expected, Quantity.FormatMilliCpu(milli));

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(1L, "1")]
    [InlineData(1000L, "1000")]
    [InlineData(1024L, "1Ki")]
    [InlineData(1536L, "1536")]
    [InlineData(3L * 1024 * 1024, "3Mi")]
    [InlineData(1024L * 1024 + 1024, "1025Ki")]
    [InlineData(1L << 30, "1Gi")]
    [InlineData(16L << 30, "16Gi")]
    [InlineData(1L << 40, "1024Gi")]
    public void FormatsBytesInTheLargestExactBinaryUnit(long bytes, string expected) =>
        Assert.Equal(expected, Quantity.FormatBytes(bytes));

    [Theory]
    [InlineData(250L)]
    [InlineData(1000L)]
    [InlineData(3500L)]
    public void FormattedMilliCpuParsesBack(long milli)
    {
        Assert.True(Quantity.TryParse(Quantity.FormatMilliCpu(milli), out var value));
        Assert.Equal(milli, Quantity.ToMilli(value));
    }

    [Theory]
    [InlineData(1000L)]
    [InlineData(2048L)]
    [InlineData(5L << 20)]
    [InlineData(7L << 30)]
    public void FormattedBytesParseBack(long bytes)
    {
        Assert.True(Quantity.TryParse(Quantity.FormatBytes(bytes), out var value));
        Assert.Equal(bytes, Quantity.ToWhole(value));
    }
}
