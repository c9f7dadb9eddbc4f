using System.Net;
using System.Text;

namespace Platform.Cli.Tests.Support;

/// <summary>An in-memory Platform API: canned answers per method and path, and a record of every request.</summary>
internal sealed class FakeApi : HttpMessageHandler
{
    private readonly Dictionary<string, Queue<Answer>> _answers = [];

    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>Answers in turn; the last one repeats.</summary>
    public FakeApi On(string method, string pathAndQuery, params Answer[] answers)
    {
        _answers[Key(method, pathAndQuery)] = new Queue<Answer>(answers);
        return this;
    }

    public static Answer Json(int code, string body) => new(code, body, "application/json");

    public static Answer Text(string body) => new(200, body, "text/plain");

    public static Answer Status(int code, string reason, string message) => Json(code,
        $$"""{"kind":"Status","apiVersion":"v1","status":"Failure","message":"{{message}}","reason":"{{reason}}","code":{{code}}}""");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var pathAndQuery = request.RequestUri!.PathAndQuery;
        Requests.Add(new RecordedRequest(request.Method.Method, pathAndQuery, body, request.Headers.Authorization?.ToString()));
        var answer = NextAnswer(request.Method.Method, pathAndQuery)
            ?? Status(404, "NotFound", $"no fake answer for {request.Method} {pathAndQuery}");
        return new HttpResponseMessage((HttpStatusCode)answer.Code)
        {
            Content = new StringContent(answer.Body, Encoding.UTF8, answer.ContentType),
        };
    }

    private Answer? NextAnswer(string method, string pathAndQuery)
    {
        if (!_answers.TryGetValue(Key(method, pathAndQuery), out var queue) || queue.Count == 0)
        {
            return null;
        }

        return queue.Count > 1 ? queue.Dequeue() : queue.Peek();
    }

    private static string Key(string method, string pathAndQuery) => $"{method} {pathAndQuery}";

    internal sealed record Answer(int Code, string Body, string ContentType);
}

internal sealed record RecordedRequest(string Method, string PathAndQuery, string? Body, string? Authorization);
