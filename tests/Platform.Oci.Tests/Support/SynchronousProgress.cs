namespace Platform.Oci.Tests.Support;

/// <summary>An IProgress that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool, too late for an assert).</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
