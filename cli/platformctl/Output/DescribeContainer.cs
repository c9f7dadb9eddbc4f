using Platform.Api.Model;

namespace Platform.Cli.Output;

/// <summary>One container's block in `describe pod`: image, command, state, resources, environment.</summary>
internal static class DescribeContainer
{
    private const int Level = 2;

    public static void Write(DescribeWriter writer, Container container, ContainerStatus? status, TimeZoneInfo zone)
    {
        writer.Heading(1, container.Name ?? string.Empty)
            .Field(Level, "Image", container.Image);
        WriteList(writer, "Command", container.Command);
        WriteList(writer, "Args", container.Args);
        if (!string.IsNullOrEmpty(container.WorkingDir))
        {
            writer.Field(Level, "Working Dir", container.WorkingDir);
        }

        WriteState(writer, "State", status?.State, zone);
        if (status?.LastState is { } lastState && HasAnyState(lastState))
        {
            WriteState(writer, "Last State", lastState, zone);
        }

        writer.Field(Level, "Ready", status is null ? null : status.Ready ? "True" : "False")
            .Field(Level, "Restart Count", DescribePod.Count(status?.RestartCount ?? 0));
        WriteResources(writer, container.Resources);
        WriteEnvironment(writer, container.Env);
    }

    private static void WriteList(DescribeWriter writer, string label, List<string>? items)
    {
        if (items is not { Count: > 0 })
        {
            return;
        }

        writer.Heading(Level, label);
        foreach (var item in items)
        {
            writer.Text(Level + 1, item);
        }
    }

    private static void WriteState(DescribeWriter writer, string label, ContainerState? state, TimeZoneInfo zone)
    {
        switch (state)
        {
            case { Running: { } running }:
                writer.Field(Level, label, "Running")
                    .Field(Level + 1, "Started", Timestamps.Format(running.StartedAt, zone));
                break;
            case { Terminated: { } terminated }:
                writer.Field(Level, label, "Terminated")
                    .Field(Level + 1, "Reason", PodStatusText.TerminatedReason(terminated))
                    .Field(Level + 1, "Exit Code", DescribePod.Count(terminated.ExitCode))
                    .Field(Level + 1, "Started", Timestamps.Format(terminated.StartedAt, zone))
                    .Field(Level + 1, "Finished", Timestamps.Format(terminated.FinishedAt, zone));
                WriteMessage(writer, terminated.Message);
                break;
            case { Waiting: { } waiting }:
                writer.Field(Level, label, "Waiting").Field(Level + 1, "Reason", waiting.Reason);
                WriteMessage(writer, waiting.Message);
                break;
            default:
                writer.Field(Level, label, "Waiting");
                break;
        }
    }

    private static void WriteMessage(DescribeWriter writer, string? message)
    {
        if (!string.IsNullOrEmpty(message))
        {
            writer.Field(Level + 1, "Message", message);
        }
    }

    private static bool HasAnyState(ContainerState state) =>
        state.Running is not null || state.Terminated is not null || state.Waiting is not null;

    private static void WriteResources(DescribeWriter writer, ResourceRequirements? resources)
    {
        if (resources?.Limits is { Count: > 0 } limits)
        {
            DescribeLabels.WriteFields(writer, Level, "Limits", limits);
        }

        if (resources?.Requests is { Count: > 0 } requests)
        {
            DescribeLabels.WriteFields(writer, Level, "Requests", requests);
        }
    }

    private static void WriteEnvironment(DescribeWriter writer, List<EnvVar>? env)
    {
        if (env is not { Count: > 0 })
        {
            writer.Field(Level, "Environment", null);
            return;
        }

        writer.Heading(Level, "Environment");
        foreach (var variable in env)
        {
            writer.Field(Level + 1, variable.Name ?? string.Empty, variable.Value ?? string.Empty);
        }
    }
}
