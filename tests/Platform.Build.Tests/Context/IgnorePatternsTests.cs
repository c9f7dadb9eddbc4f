using Platform.Build.Context;

namespace Platform.Build.Tests.Context;

public sealed class IgnorePatternsTests
{
    [Theory]
    [InlineData("*.log", "a.log", true)]
    [InlineData("*.log", "dir/a.log", false)]
    [InlineData("**/*.log", "dir/sub/a.log", true)]
    [InlineData("**/*.log", "a.log", true)]
    [InlineData("node_modules", "node_modules/x/y.js", true)]
    [InlineData("/build", "build/out", true)]
    [InlineData("./tmp/", "tmp", true)]
    [InlineData("file?.txt", "file1.txt", true)]
    [InlineData("file?.txt", "file10.txt", false)]
    [InlineData("[ab].txt", "b.txt", true)]
    [InlineData("[!ab].txt", "b.txt", false)]
    [InlineData("# comment", "# comment", false)]
    [InlineData("docs/**", "docs/a/b.md", true)]
    public void Matches_as_docker_does(string pattern, string path, bool ignored) =>
        Assert.Equal(ignored, IgnorePatterns.Parse(pattern).IsIgnored(path));

    [Fact]
    public void The_last_matching_pattern_wins_and_exceptions_bring_files_back()
    {
        var patterns = IgnorePatterns.Parse("*.md\n!README.md\n\n# docs\nREADME*.md\n!README-keep.md\n");

        Assert.True(patterns.IsIgnored("CHANGES.md"));
        Assert.True(patterns.IsIgnored("README.md"));
        Assert.False(patterns.IsIgnored("README-keep.md"));
        Assert.False(patterns.IsIgnored("main.c"));
        Assert.True(patterns.HasExceptions);
    }
}
