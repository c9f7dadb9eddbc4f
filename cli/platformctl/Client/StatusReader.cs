using System.Net;
using System.Text.Json;
using Platform.Api.Model;
using Platform.Cli.Serialization;

namespace Platform.Cli.Client;

/// <summary>Reads the Status of a failed response; invents one when the body is not a Status.</summary>
internal static class StatusReader
{
    private const int MaxBodyInMessage = 200;

    public static async Task<Status> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return TryParse(body) ?? Invent(response.StatusCode, response.ReasonPhrase, body);
    }

    private static Status? TryParse(string body)
    {
        try
        {
            var status = JsonSerializer.Deserialize(body, CliJsonContext.Default.Status);
            return status is { Kind: "Status", Message.Length: > 0 } ? status : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Status Invent(HttpStatusCode code, string? reasonPhrase, string body)
    {
        var text = OneLine(body);
        var message = text.Length == 0
            ? $"the server answered HTTP {(int)code} {reasonPhrase}".TrimEnd()
            : text;
        return new Status
        {
            Kind = "Status",
            Outcome = "Failure",
            Code = (int)code,
            Reason = code.ToString(),
            Message = message.Length > MaxBodyInMessage ? message[..MaxBodyInMessage] + "..." : message,
        };
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
