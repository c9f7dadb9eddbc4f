using Platform.Cli.Commands;
using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests.Commands;

public class AutoscaleCommandTests
{
    private const string NoServer = "http://127.0.0.1:1";

    [Fact]
    public void TheAutoscalerIsTheOneKubectlAutoscaleCreates()
    {
        var body = AutoscaleCommand.AutoscalerFor(new AutoscaleCommand.AutoscaleRequest("web", 1, 4, 50, null));

        Assert.Equal(
            """{"apiVersion":"autoscaling/v2","kind":"HorizontalPodAutoscaler","metadata":{"name":"web"},"spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"},"maxReplicas":4,"minReplicas":1,"metrics":[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":50}}}]}}""",
            body.ToJsonString());
    }

    [Fact]
    public void LeftOutBoundsAndTargetsAreTheServersToDefault()
    {
        var body = AutoscaleCommand.AutoscalerFor(new AutoscaleCommand.AutoscaleRequest("web", -1, 3, -1, "web-hpa"));

        Assert.Equal(
            """{"apiVersion":"autoscaling/v2","kind":"HorizontalPodAutoscaler","metadata":{"name":"web-hpa"},"spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"},"maxReplicas":3}}""",
            body.ToJsonString());
    }

    [Theory]
    [InlineData("error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 2, min: 3", "autoscale", "deployment", "web", "--min", "3", "--max", "2")]
    [InlineData("error: --max=MAXPODS is required and must be at least 1, max: 0", "autoscale", "deployment", "web", "--max", "0")]
    [InlineData("error: cannot autoscale a Pod: only deployments can be autoscaled", "autoscale", "pod", "web", "--max", "3")]
    [InlineData("error: autoscale takes exactly one deployment, e.g. platformctl autoscale deployment web --max 4", "autoscale", "deployment", "--max", "3")]
    public async Task WrongArgumentsAreOneLineAndExitCode1(string message, params string[] args)
    {
        using var home = new TempDirectory();

        var result = await new OfflineCli(home.Path).RunAsync([.. args, "--server", NoServer]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(message + "\n", result.Error);
    }
}
