using System.Net;
using Platform.Build.Context;

namespace Platform.Cli.Builds;

/// <summary>The build context as a request body: the tar is written straight into the connection, never held in memory.</summary>
internal sealed class ContextContent(string directory, string dockerfile) : HttpContent
{
    public ContextSummary? Summary { get; private set; }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        Summary = await BuildContextWriter.WriteAsync(directory, dockerfile, stream, cancellationToken);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
