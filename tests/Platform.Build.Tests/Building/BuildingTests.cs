using Platform.Build.Building;
using Platform.Build.Dockerfiles;
using Platform.Build.Files;

namespace Platform.Build.Tests.Building;

public sealed class BuildingTests
{
    private static Instruction Only(string line) => DockerfileParser.Parse("FROM x\n" + line).Stages[0].Instructions[0];

    [Fact]
    public void Cache_keys_chain_so_a_change_changes_every_later_key()
    {
        var root = CacheKeys.ForBase("sha256:abc");
        var one = CacheKeys.Of(root, "RUN a");
        var two = CacheKeys.Of(one, "RUN b");

        Assert.NotEqual(two, CacheKeys.Of(CacheKeys.Of(root, "RUN a2"), "RUN b"));
        Assert.Equal(two, CacheKeys.Of(CacheKeys.Of(root, "RUN a"), "RUN b"));
        Assert.NotEqual(CacheKeys.Of(root, "COPY a /", "d1"), CacheKeys.Of(root, "COPY a /", "d2"));
        Assert.Matches("^[0-9a-f]{64}$", two);
    }

    [Fact]
    public void Env_values_see_the_variables_from_before_the_instruction()
    {
        var state = ImageState.Scratch("k") with { Config = new() { Env = ["abc=hello"] } };

        var (next, expanded) = MetadataInstructions.Apply(Only("ENV abc=bye def=$abc"), state, state.Environment(), '\\');

        Assert.Equal(["abc=bye", "def=hello"], next.Config.Env);
        Assert.Equal("ENV abc=bye def=hello", expanded);
    }

    [Fact]
    public void Args_are_overridden_by_build_args_and_by_env_of_the_same_name()
    {
        var variables = new StageVariables(new Dictionary<string, string> { ["VERSION"] = "2" }, new Dictionary<string, string?> { ["GLOBAL"] = "g" });
        var state = ImageState.Scratch("k") with { Config = new() { Env = ["SHADOWED=from-env"] } };

        Assert.Equal("2", variables.Declare("VERSION", "1"));
        Assert.Equal("g", variables.Declare("GLOBAL", null));
        Assert.Null(variables.Declare("UNSET", null));
        variables.Declare("SHADOWED", "from-arg");

        var expansion = variables.ForExpansion(state);
        Assert.Equal("2", expansion["VERSION"]);
        Assert.Equal("from-env", expansion["SHADOWED"]);
        Assert.False(expansion.ContainsKey("UNSET"));
    }

    [Fact]
    public void Metadata_instructions_set_the_config_as_docker_does()
    {
        var state = ImageState.Scratch("k") with { Config = new() { Cmd = ["base-cmd"] } };
        var vars = new Dictionary<string, string> { ["PORT"] = "8080" };

        state = MetadataInstructions.Apply(Only("WORKDIR /a"), state, vars, '\\').State;
        state = MetadataInstructions.Apply(Only("WORKDIR b/../c"), state, vars, '\\').State;
        state = MetadataInstructions.Apply(Only("EXPOSE $PORT 53/udp"), state, vars, '\\').State;
        state = MetadataInstructions.Apply(Only("ENTRYPOINT [\"/bin/app\"]"), state, vars, '\\').State;
        state = MetadataInstructions.Apply(Only("LABEL \"a b\"=\"c d\""), state, vars, '\\').State;
        state = MetadataInstructions.Apply(Only("USER app:$PORT"), state, vars, '\\').State;
        state = MetadataInstructions.Apply(Only("VOLUME /data /logs"), state, vars, '\\').State;
        state = MetadataInstructions.Apply(Only("SHELL [\"/bin/bash\", \"-c\"]"), state, vars, '\\').State;
        state = MetadataInstructions.Apply(Only("CMD echo hi"), state, vars, '\\').State;
        state = MetadataInstructions.Apply(Only("HEALTHCHECK --interval=30s CMD true"), state, vars, '\\').State;

        Assert.Equal("/a/c", state.Config.WorkingDir);
        Assert.Equal(["53/udp", "8080/tcp"], state.Config.ExposedPorts!.Keys);
        Assert.Equal(["/bin/app"], state.Config.Entrypoint);
        Assert.Equal(["/bin/bash", "-c", "echo hi"], state.Config.Cmd);
        Assert.Equal("c d", state.Config.Labels!["a b"]);
        Assert.Equal("app:8080", state.Config.User);
        Assert.Equal(["/data", "/logs"], state.Config.Volumes!.Keys);
        Assert.Equal(30_000_000_000, state.Config.Healthcheck!.Interval);
        Assert.Equal(["CMD-SHELL", "true"], state.Config.Healthcheck.Test);
    }

    [Fact]
    public void Entrypoint_drops_the_inherited_cmd()
    {
        var state = ImageState.Scratch("k") with { Config = new() { Cmd = ["sh"] } };

        var next = MetadataInstructions.Apply(Only("ENTRYPOINT [\"/bin/app\"]"), state, new Dictionary<string, string>(), '\\').State;

        Assert.Null(next.Config.Cmd);
    }

    [Fact]
    public void A_bad_substitution_names_the_line()
    {
        var error = Assert.Throws<DockerfileException>(() =>
            MetadataInstructions.Apply(Only("USER ${oops"), ImageState.Scratch("k"), new Dictionary<string, string>(), '\\'));

        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Rooted_paths_never_leave_the_root()
    {
        var root = Directory.CreateTempSubdirectory("platform-rooted-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "usr", "bin"));
            File.CreateSymbolicLink(Path.Combine(root, "bin"), "usr/bin");
            File.CreateSymbolicLink(Path.Combine(root, "escape"), "/etc");
            File.CreateSymbolicLink(Path.Combine(root, "up"), "../../..");

            Assert.Equal(Path.Combine(root, "usr", "bin", "sh"), RootedPath.Resolve(root, "/bin/sh"));
            Assert.Equal(Path.Combine(root, "etc", "passwd"), RootedPath.Resolve(root, "/escape/passwd"));
            Assert.Equal(Path.Combine(root, "x"), RootedPath.Resolve(root, "/up/x"));
            Assert.Equal(Path.Combine(root, "x"), RootedPath.Resolve(root, "../../x"));
            Assert.Null(RootedPath.CleanRelative("../x"));
            Assert.Equal("a/c", RootedPath.CleanRelative("./a/b/../c"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
