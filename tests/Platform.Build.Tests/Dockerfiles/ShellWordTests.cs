using Platform.Build.Dockerfiles;

namespace Platform.Build.Tests.Dockerfiles;

public sealed class ShellWordTests
{
    private static readonly Dictionary<string, string> Variables = new()
    {
        ["NAME"] = "world",
        ["EMPTY"] = string.Empty,
        ["PATH"] = "/bin",
    };

    [Theory]
    [InlineData("hello $NAME", "hello world")]
    [InlineData("hello ${NAME}!", "hello world!")]
    [InlineData("$NAME$NAME", "worldworld")]
    [InlineData("${MISSING}x", "x")]
    [InlineData("${MISSING:-default}", "default")]
    [InlineData("${EMPTY:-default}", "default")]
    [InlineData("${EMPTY-default}", "")]
    [InlineData("${MISSING-default}", "default")]
    [InlineData("${NAME:+set}", "set")]
    [InlineData("${EMPTY:+set}", "")]
    [InlineData("${EMPTY+set}", "set")]
    [InlineData("${MISSING:-$NAME}", "world")]
    [InlineData("${MISSING:-${NAME}s}", "worlds")]
    [InlineData("'$NAME'", "$NAME")]
    [InlineData("\"$NAME and spaces\"", "world and spaces")]
    [InlineData("\\$NAME", "$NAME")]
    [InlineData("\"\\$NAME\"", "$NAME")]
    [InlineData("\"a\\b\"", "a\\b")]
    [InlineData("a\\ b", "a b")]
    [InlineData("cost $5", "cost ")]
    [InlineData("100%$", "100%$")]
    [InlineData("$", "$")]
    [InlineData("${PATH}:/usr/bin", "/bin:/usr/bin")]
    public void Expands_as_docker_does(string word, string expected) =>
        Assert.Equal(expected, ShellWord.Expand(word, Variables));

    [Fact]
    public void The_backtick_escape_leaves_backslashes_alone() =>
        Assert.Equal("C:\\dir $NAME", ShellWord.Expand("C:\\dir `$NAME", Variables, '`'));

    [Theory]
    [InlineData("'unterminated")]
    [InlineData("\"unterminated")]
    [InlineData("${NAME")]
    [InlineData("${}")]
    [InlineData("${NAME%x}")]
    [InlineData("${MISSING:?must be set}")]
    public void Bad_substitutions_are_errors(string word) =>
        Assert.Throws<FormatException>(() => ShellWord.Expand(word, Variables));

    [Fact]
    public void Splitting_keeps_quoted_spaces_together()
    {
        Assert.Equal(["A=1", "B=\"two words\"", "C='x y'", "D=a\\ b"], ShellWord.SplitWords("A=1  B=\"two words\" C='x y' D=a\\ b"));
    }
}
