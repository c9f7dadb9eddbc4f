using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Platform.RemoteCommand;

/// <summary>
/// The status sent on the error channel when the command ends, as the kubelet writes it: Success, or
/// Failure with reason NonZeroExitCode and the code in a cause of reason ExitCode (kubectl exits with
/// it), or Failure with a message when the command could not run at all.
/// </summary>
public sealed record ExecStatus(int? ExitCode, string? Message)
{
    public static ExecStatus Exited(int exitCode) => new(exitCode, null);

    public static ExecStatus Failed(string message) => new(null, message);

    public bool IsSuccess => ExitCode == 0;

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("metadata");
            json.WriteEndObject();
            if (IsSuccess)
            {
                json.WriteString("status", "Success");
            }
            else if (ExitCode is { } code)
            {
                json.WriteString("status", "Failure");
                json.WriteString("message", $"command terminated with non-zero exit code: error executing command, exit status {code}");
                json.WriteString("reason", "NonZeroExitCode");
                json.WriteStartObject("details");
                json.WriteStartArray("causes");
                json.WriteStartObject();
                json.WriteString("reason", "ExitCode");
                json.WriteString("message", code.ToString(CultureInfo.InvariantCulture));
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }
            else
            {
                json.WriteString("status", "Failure");
                json.WriteString("message", Message);
                json.WriteString("reason", "InternalError");
                json.WriteNumber("code", 500);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a status from the error channel; a status that is neither form is a failure with its message.</summary>
    public static ExecStatus Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.TryGetProperty("status", out var status) && status.GetString() == "Success")
            {
                return Exited(0);
            }

            if (root.TryGetProperty("details", out var details) && details.TryGetProperty("causes", out var causes))
            {
                foreach (var cause in causes.EnumerateArray())
                {
                    if (cause.TryGetProperty("reason", out var reason) && reason.GetString() == "ExitCode"
                        && int.TryParse(cause.GetProperty("message").GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
                    {
                        return Exited(code);
                    }
                }
            }

            return Failed(root.TryGetProperty("message", out var message) ? message.GetString() ?? "the command failed" : "the command failed");
        }
        catch (JsonException)
        {
            return Failed(Encoding.UTF8.GetString(json));
        }
    }
}
