namespace Platform.Api.Model;

/// <summary>A container probe (readiness or liveness): exactly one handler, and how often and how strictly it runs.</summary>
public sealed class Probe
{
    public ExecAction? Exec { get; set; }
    public HttpGetAction? HttpGet { get; set; }
    public TcpSocketAction? TcpSocket { get; set; }
    public int? InitialDelaySeconds { get; set; }
    public int? PeriodSeconds { get; set; }
    public int? TimeoutSeconds { get; set; }
    public int? SuccessThreshold { get; set; }
    public int? FailureThreshold { get; set; }
}

public sealed class ExecAction
{
    public List<string>? Command { get; set; }
}

public sealed class HttpGetAction
{
    public string? Path { get; set; }
    public IntOrString? Port { get; set; }
    public string? Host { get; set; }
    public string? Scheme { get; set; }
    public List<HttpHeader>? HttpHeaders { get; set; }
}

public sealed class HttpHeader
{
    public string? Name { get; set; }
    public string? Value { get; set; }
}

public sealed class TcpSocketAction
{
    public IntOrString? Port { get; set; }
    public string? Host { get; set; }
}
