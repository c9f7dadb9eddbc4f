using Platform.Api.Model;
using Platform.NodeAgent.Pods;

namespace Platform.NodeAgent.Tests.Pods;

public class ContainerCommandTests
{
    private const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    [Fact]
    public void CommandIsFollowedByArgs()
    {
        var container = new Container { Name = "c", Command = ["sh", "-c"], Args = ["echo hi", "x"] };

        Assert.Equal(["sh", "-c", "echo hi", "x"], ContainerCommand.Resolve(container)!);
    }

    [Fact]
    public void CommandWithoutArgs()
    {
        var container = new Container { Name = "c", Command = ["/bin/true"] };

        Assert.Equal(["/bin/true"], ContainerCommand.Resolve(container)!);
    }

    [Fact]
    public void NoCommandLeavesItToTheImage() =>
        Assert.Null(ContainerCommand.Resolve(new Container { Name = "c" }));

    [Fact]
    public void AnEmptyCommandLeavesItToTheImage() =>
        Assert.Null(ContainerCommand.Resolve(new Container { Name = "c", Command = [] }));

    [Fact]
    public void ArgsWithoutCommandLeaveItToTheImage() =>
        Assert.Null(ContainerCommand.Resolve(new Container { Name = "c", Args = ["--port", "80"] }));

    [Fact]
    public void ResolveDoesNotChangeTheContainer()
    {
        var container = new Container { Name = "c", Command = ["sh"], Args = ["-c", "true"] };

        ContainerCommand.Resolve(container);

        Assert.Equal(["sh"], container.Command);
        Assert.Equal(["-c", "true"], container.Args);
    }

    [Fact]
    public void DefaultEnvironment()
    {
        var environment = ContainerCommand.Environment(new Container { Name = "c" }, "web-1");

        Assert.Equal(
            new Dictionary<string, string> { ["PATH"] = DefaultPath, ["HOSTNAME"] = "web-1", ["HOME"] = "/root" },
            environment);
    }

    [Fact]
    public void PodEnvironmentIsAddedAndOverridesTheDefaults()
    {
        var container = new Container
        {
            Name = "c",
            Env =
            [
                new EnvVar { Name = "PATH", Value = "/opt/bin" },
                new EnvVar { Name = "GREETING", Value = "hello" },
                new EnvVar { Name = "EMPTY", Value = null },
                new EnvVar { Name = "GREETING", Value = "bye" },
            ],
        };

        var environment = ContainerCommand.Environment(container, "web-1");

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["PATH"] = "/opt/bin",
                ["HOSTNAME"] = "web-1",
                ["HOME"] = "/root",
                ["GREETING"] = "bye",
                ["EMPTY"] = string.Empty,
            },
            environment);
    }

    [Fact]
    public void NamesAreCaseSensitive()
    {
        var container = new Container { Name = "c", Env = [new EnvVar { Name = "path", Value = "x" }] };

        var environment = ContainerCommand.Environment(container, "p");

        Assert.Equal(DefaultPath, environment["PATH"]);
        Assert.Equal("x", environment["path"]);
    }
}
