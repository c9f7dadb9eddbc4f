using Platform.Api.Model;
using Platform.Cli.Output;
using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests.Output;

public class DescribePodTests
{
    [Fact]
    public void DescribesLikeKubectl()
    {
        var text = DescribePod.Render(SamplePod(), TimeZoneInfo.Utc);

        Assert.Equal(
            """
            Name:            web
            Namespace:       default
            Node:            node-a/10.0.0.5
            Start Time:      Wed, 01 Jan 2025 11:55:00 +0000
            Labels:          app=web
                             tier=front
            Annotations:     <none>
            Status:          Running
            IP:              10.88.0.7
            Restart Policy:  Always
            Containers:
              web:
                Image:          nginx:1.27
                Command:
                  nginx
                Args:
                  -g
                  daemon off;
                State:          Running
                  Started:      Wed, 01 Jan 2025 11:56:00 +0000
                Last State:     Terminated
                  Reason:       Error
                  Exit Code:    1
                  Started:      Wed, 01 Jan 2025 11:55:00 +0000
                  Finished:     Wed, 01 Jan 2025 11:55:30 +0000
                Ready:          True
                Restart Count:  1
                Limits:
                  memory:       128Mi
                Requests:
                  cpu:          250m
                Environment:
                  MODE:         production
            Conditions:
              Type    Status
              Ready   True
            Node-Selectors:  <none>
            Tolerations:     <none>

            """,
            text);
    }

    [Fact]
    public void APodThatFitsNowhereShowsWhyAndWhatItAsksOfNodes()
    {
        var pod = SamplePod();
        pod.Spec.NodeName = null;
        pod.Status = new PodStatus
        {
            Phase = PodPhases.Pending,
            Conditions = [new PodCondition { Type = "PodScheduled", Status = "False", Reason = "Unschedulable", Message = "0/1 nodes are available: 1 Insufficient cpu. node-a: Insufficient cpu." }],
        };
        pod.Spec.NodeSelector = new() { ["disk"] = "ssd", ["arch"] = "amd64" };
        pod.Spec.Tolerations =
        [
            new Toleration { Key = "dedicated", Value = "gpu", Effect = "NoSchedule" },
            new Toleration { Key = "node.kubernetes.io/unreachable", Operator = "Exists", Effect = "NoExecute", TolerationSeconds = 300 },
            new Toleration { Operator = "Exists" },
        ];

        var text = DescribePod.Render(pod, TimeZoneInfo.Utc);

        Assert.EndsWith(
            """
            Conditions:
              Type           Status   Reason          Message
              PodScheduled   False    Unschedulable   0/1 nodes are available: 1 Insufficient cpu. node-a: Insufficient cpu.
            Node-Selectors:  arch=amd64
                             disk=ssd
            Tolerations:     dedicated=gpu:NoSchedule
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
                             op=Exists

            """,
            text);
    }

    private static Pod SamplePod()
    {
        var status = TestObjects.Running("web", restarts: 1);
        status.State!.Running!.StartedAt = TestObjects.Now.AddMinutes(-4);
        status.LastState = new ContainerState
        {
            Terminated = new ContainerStateTerminated { ExitCode = 1, StartedAt = TestObjects.Now.AddMinutes(-5), FinishedAt = TestObjects.Now.AddSeconds(-270) },
        };
        var pod = TestObjects.Pod("web", TimeSpan.FromMinutes(5), status).OnNode("node-a", "10.0.0.5").WithPodIP("10.88.0.7");
        pod.Metadata.Labels = new() { ["tier"] = "front", ["app"] = "web" };
        pod.Spec.RestartPolicy = RestartPolicies.Always;
        pod.Spec.Containers[0] = new Container
        {
            Name = "web",
            Image = "nginx:1.27",
            Command = ["nginx"],
            Args = ["-g", "daemon off;"],
            Env = [new EnvVar { Name = "MODE", Value = "production" }],
            Resources = new ResourceRequirements { Requests = new() { ["cpu"] = "250m" }, Limits = new() { ["memory"] = "128Mi" } },
        };
        pod.Status!.StartTime = TestObjects.Now.AddMinutes(-5);
        pod.Status.Conditions = [new PodCondition { Type = "Ready", Status = "True" }];
        return pod;
    }
}
