using Platform.Api.Model;
using Platform.NodeAgent.Pods;

namespace Platform.NodeAgent.Tests.Pods;

public class PodPhaseRulesTests
{
    [Theory]
    [InlineData("Always", 0, true)]
    [InlineData("Always", 1, true)]
    [InlineData("Always", 137, true)]
    [InlineData("OnFailure", 0, false)]
    [InlineData("OnFailure", 1, true)]
    [InlineData("OnFailure", 128, true)]
    [InlineData("OnFailure", -1, true)]
    [InlineData("Never", 0, false)]
    [InlineData("Never", 1, false)]
    [InlineData("Sometimes", 1, false)]
    [InlineData("", 1, false)]
    public void ShouldRestart(string policy, int exitCode, bool expected) =>
        Assert.Equal(expected, PodPhaseRules.ShouldRestart(policy, exitCode));

    /// <summary>
    /// Containers by letter: W waiting, never started; R running; B waiting in back-off after a
    /// restart; T0, T1, T137 terminated with that exit code.
    /// </summary>
    [Theory]
    // Pending while any container has never started.
    [InlineData("Always", "W", "Pending")]
    [InlineData("Always", "R W", "Pending")]
    [InlineData("OnFailure", "W", "Pending")]
    [InlineData("OnFailure", "T0 W", "Pending")]
    [InlineData("Never", "W", "Pending")]
    [InlineData("Never", "T1 W", "Pending")]
    // Running while one runs or will be restarted.
    [InlineData("Always", "R", "Running")]
    [InlineData("Always", "R R", "Running")]
    [InlineData("Always", "T0", "Running")]
    [InlineData("Always", "T1", "Running")]
    [InlineData("Always", "B", "Running")]
    [InlineData("Always", "T0 T1", "Running")]
    [InlineData("OnFailure", "R", "Running")]
    [InlineData("OnFailure", "T1", "Running")]
    [InlineData("OnFailure", "T0 T1", "Running")]
    [InlineData("OnFailure", "T0 R", "Running")]
    [InlineData("OnFailure", "B", "Running")]
    [InlineData("Never", "R", "Running")]
    [InlineData("Never", "T0 R", "Running")]
    [InlineData("Never", "T1 R", "Running")]
    // Succeeded when all ended with 0.
    [InlineData("OnFailure", "T0", "Succeeded")]
    [InlineData("OnFailure", "T0 T0", "Succeeded")]
    [InlineData("Never", "T0", "Succeeded")]
    [InlineData("Never", "T0 T0", "Succeeded")]
    // Failed when all ended and one did not end with 0.
    [InlineData("Never", "T1", "Failed")]
    [InlineData("Never", "T0 T1", "Failed")]
    [InlineData("Never", "T137 T0", "Failed")]
    public void Phase(string policy, string containers, string expected) =>
        Assert.Equal(expected, PodPhaseRules.Phase(policy, Statuses(containers)));

    [Fact]
    public void AContainerThatCouldNotStartHasEnded()
    {
        // A start failure is recorded as terminated with 128 and never running.
        var failed = new ContainerStatus
        {
            Name = "c0",
            State = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = 128, Reason = "CreateContainerError" } },
        };

        Assert.Equal("Failed", PodPhaseRules.Phase("Never", [failed]));
        Assert.Equal("Running", PodPhaseRules.Phase("OnFailure", [failed]));
    }

    private static List<ContainerStatus> Statuses(string containers) =>
        containers.Split(' ').Select((code, i) => Status($"c{i}", code)).ToList();

    private static ContainerStatus Status(string name, string code) => code switch
    {
        "W" => new ContainerStatus
        {
            Name = name,
            State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = "ContainerCreating" } },
        },
        "R" => new ContainerStatus
        {
            Name = name,
            Ready = true,
            State = new ContainerState { Running = new ContainerStateRunning { StartedAt = DateTimeOffset.UnixEpoch } },
        },
        "B" => new ContainerStatus
        {
            Name = name,
            RestartCount = 1,
            LastState = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = 1, Reason = "Error" } },
            State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = "CrashLoopBackOff" } },
        },
        _ when code.StartsWith('T') => new ContainerStatus
        {
            Name = name,
            State = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = int.Parse(code[1..], System.Globalization.CultureInfo.InvariantCulture) } },
        },
        _ => throw new ArgumentException($"unknown container code {code}", nameof(code)),
    };
}
