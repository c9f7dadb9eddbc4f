using Platform.Build.Dockerfiles;

namespace Platform.Build.Tests.Dockerfiles;

public sealed class DockerfileParserTests
{
    [Fact]
    public void Every_instruction_of_the_issue_parses_into_one_stage()
    {
        var dockerfile = DockerfileParser.Parse("""
            ARG BASE=busybox
            FROM ${BASE}:latest AS build
            RUN echo hi
            RUN ["/bin/sh", "-c", "echo exec"]
            COPY --chown=1:1 a.txt /a/
            ADD b.tar /b/
            WORKDIR /app
            ENV A=1 B="two words"
            ARG VERSION=1.0
            LABEL org.example=yes
            EXPOSE 80 53/udp
            USER 1000:1000
            VOLUME ["/data"]
            ENTRYPOINT ["/bin/sh"]
            CMD ["-c", "echo"]
            STOPSIGNAL SIGTERM
            SHELL ["/bin/sh", "-ec"]
            HEALTHCHECK --interval=5s --retries=3 CMD wget -q localhost
            MAINTAINER someone
            """);

        Assert.Single(dockerfile.GlobalArgs);
        var stage = Assert.Single(dockerfile.Stages);
        Assert.Equal("build", stage.Name);
        Assert.Equal(
            ["RUN", "RUN", "COPY", "ADD", "WORKDIR", "ENV", "ARG", "LABEL", "EXPOSE", "USER", "VOLUME", "ENTRYPOINT", "CMD", "STOPSIGNAL", "SHELL", "HEALTHCHECK", "MAINTAINER"],
            stage.Instructions.Select(i => i.Keyword));
        Assert.Equal(["/bin/sh", "-c", "echo exec"], stage.Instructions[1].JsonArguments);
        Assert.Null(stage.Instructions[0].JsonArguments);
        Assert.Equal("1:1", stage.Instructions[2].Flag("chown"));
        Assert.Equal(3, stage.Instructions[0].Line);
    }

    [Fact]
    public void Keywords_are_case_insensitive_and_stage_names_lower_case()
    {
        var dockerfile = DockerfileParser.Parse("from busybox as Builder\nrun true\n");

        Assert.Equal("builder", dockerfile.Stages[0].Name);
        Assert.Equal("RUN", dockerfile.Stages[0].Instructions[0].Keyword);
    }

    [Fact]
    public void Continuations_join_lines_and_skip_comments_and_blank_lines_inside()
    {
        var dockerfile = DockerfileParser.Parse("FROM busybox\nRUN echo a \\\n# a comment\n\n    && echo b \\  \n    && echo c\nCMD x\n");

        var run = dockerfile.Stages[0].Instructions[0];
        Assert.Equal("echo a     && echo b     && echo c", run.Arguments);
        Assert.Equal(2, run.Line);
        Assert.Equal(7, dockerfile.Stages[0].Instructions[1].Line);
    }

    [Fact]
    public void A_continuation_at_the_end_of_the_file_ends_the_instruction()
    {
        var dockerfile = DockerfileParser.Parse("FROM busybox\nRUN echo a \\");

        Assert.Equal("echo a", dockerfile.Stages[0].Instructions[0].Arguments.TrimEnd());
    }

    [Fact]
    public void Comments_and_indentation_are_ignored()
    {
        var dockerfile = DockerfileParser.Parse("# comment\n  # indented comment\nFROM busybox\n   RUN true # not a comment\n");

        Assert.Equal("true # not a comment", dockerfile.Stages[0].Instructions[0].Arguments);
    }

    [Fact]
    public void The_escape_directive_makes_the_backtick_the_continuation_character()
    {
        var dockerfile = DockerfileParser.Parse("# escape=`\nFROM busybox\nRUN echo C:\\path `\n  next\n");

        Assert.Equal('`', dockerfile.Escape);
        Assert.Equal("echo C:\\path   next", dockerfile.Stages[0].Instructions[0].Arguments);
    }

    [Fact]
    public void Directives_count_only_at_the_top()
    {
        var dockerfile = DockerfileParser.Parse("# comment\n# escape=`\nFROM busybox\n");

        Assert.Equal('\\', dockerfile.Escape);
    }

    [Fact]
    public void A_bad_escape_directive_names_its_line_and_column()
    {
        var error = Assert.Throws<DockerfileException>(() => DockerfileParser.Parse("# escape=x\nFROM busybox\n"));

        Assert.Equal((1, 10), (error.Line, error.Column));
    }

    [Fact]
    public void An_unknown_instruction_names_its_line_and_column()
    {
        var error = Assert.Throws<DockerfileException>(() => DockerfileParser.Parse("FROM busybox\nRUN true\n  FOO bar\n"));

        Assert.Equal((3, 3), (error.Line, error.Column));
        Assert.Contains("unknown instruction: FOO", error.Message);
        Assert.StartsWith("Dockerfile:3:3:", error.Message);
    }

    [Fact]
    public void An_unknown_flag_names_its_column()
    {
        var error = Assert.Throws<DockerfileException>(() => DockerfileParser.Parse("FROM busybox\nCOPY --bogus=1 a b\n"));

        Assert.Equal((2, 6), (error.Line, error.Column));
        Assert.Contains("--bogus", error.Message);
    }

    [Theory]
    [InlineData("RUN true\nFROM busybox", 1, "before the first FROM")]
    [InlineData("# only a comment\n", 1, "no FROM")]
    [InlineData("FROM a b", 1, "FROM requires")]
    [InlineData("FROM busybox\nCOPY onlyone", 2, "at least two arguments")]
    [InlineData("FROM busybox\nSHELL /bin/bash -c", 2, "JSON form")]
    [InlineData("FROM busybox\nENV KEYONLY", 2, "two arguments")]
    [InlineData("FROM busybox\nENV A=1 =2", 2, "can't find =")]
    [InlineData("FROM busybox\nARG a b", 2, "exactly one argument")]
    [InlineData("FROM busybox\nARG a-b", 2, "invalid ARG name")]
    [InlineData("FROM busybox\nWORKDIR", 2, "exactly one argument")]
    [InlineData("FROM busybox\nHEALTHCHECK --interval=abc CMD true", 2, "duration")]
    [InlineData("FROM busybox\nHEALTHCHECK echo", 2, "NONE or CMD")]
    [InlineData("FROM busybox\nONBUILD RUN true", 2, "not supported")]
    [InlineData("FROM busybox\nRUN", 2, "at least one argument")]
    [InlineData("FROM busybox AS 1bad", 1, "invalid stage name")]
    public void Bad_input_is_refused_with_its_line(string text, int line, string message)
    {
        var error = Assert.Throws<DockerfileException>(() => DockerfileParser.Parse(text));

        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Invalid_json_falls_back_to_the_shell_form()
    {
        var dockerfile = DockerfileParser.Parse("FROM busybox\nCMD [\"unterminated\nRUN [1, 2]\n");

        Assert.All(dockerfile.Stages[0].Instructions, i => Assert.Null(i.JsonArguments));
    }

    [Fact]
    public void Stages_are_found_by_name_or_number_and_the_target_selects_one()
    {
        var dockerfile = DockerfileParser.Parse("FROM busybox AS one\nRUN true\nFROM busybox AS two\nFROM one\n");

        Assert.Equal(3, dockerfile.Stages.Count);
        Assert.Equal(0, dockerfile.FindStage("one", 2));
        Assert.Equal(1, dockerfile.FindStage("1", 2));
        Assert.Null(dockerfile.FindStage("two", 1));
        Assert.Equal(1, dockerfile.TargetIndex("TWO"));
        Assert.Equal(2, dockerfile.TargetIndex(null));
        Assert.Throws<DockerfileException>(() => dockerfile.TargetIndex("missing"));
    }

    [Fact]
    public void Healthcheck_forms()
    {
        var dockerfile = DockerfileParser.Parse("FROM busybox\nHEALTHCHECK NONE\nHEALTHCHECK --timeout=1m30s CMD [\"true\"]\nHEALTHCHECK CMD true || exit 1\n");
        var checks = dockerfile.Stages[0].Instructions.Select(HealthcheckArguments.Parse).ToList();

        Assert.Equal(["NONE"], checks[0].Test);
        Assert.Equal(["CMD", "true"], checks[1].Test);
        Assert.Equal(TimeSpan.FromSeconds(90), checks[1].Timeout);
        Assert.Equal(["CMD-SHELL", "true || exit 1"], checks[2].Test);
    }

    [Fact]
    public void Crlf_line_ends_are_accepted()
    {
        var dockerfile = DockerfileParser.Parse("FROM busybox\r\nRUN echo a \\\r\n b\r\n");

        Assert.Equal("echo a  b", dockerfile.Stages[0].Instructions[0].Arguments);
    }
}
