using Platform.Build.Dockerfiles;

namespace Platform.Build.Tests.Dockerfiles;

public sealed class KeyValueArgumentsTests
{
    [Fact]
    public void The_legacy_form_takes_the_rest_of_the_line()
    {
        var env = DockerfileParser.Parse("FROM x\nENV GREETING hello   big world\n").Stages[0].Instructions[0];

        Assert.Equal([new("GREETING", "hello   big world")], KeyValueArguments.Parse(env, '\\'));
    }

    [Fact]
    public void Pairs_keep_their_quotes_for_expansion()
    {
        var env = DockerfileParser.Parse("FROM x\nENV A=1 B=\"x y\"\n").Stages[0].Instructions[0];

        Assert.Equal([new("A", "1"), new("B", "\"x y\"")], KeyValueArguments.Parse(env, '\\'));
    }

    [Fact]
    public void Arg_with_and_without_default()
    {
        var args = DockerfileParser.Parse("ARG A\nARG B=2\nFROM x\n").GlobalArgs;

        Assert.Equal(new KeyValuePair<string, string?>("A", null), KeyValueArguments.ParseArg(args[0], '\\'));
        Assert.Equal(new KeyValuePair<string, string?>("B", "2"), KeyValueArguments.ParseArg(args[1], '\\'));
    }
}
