using Tmds.Linux;

namespace Platform.Oci.Layers;

/// <summary>An owned file descriptor, closed on dispose.</summary>
internal sealed class FileDescriptor(int fd) : IDisposable
{
    public int Value { get; private set; } = fd;

    public void Dispose()
    {
        if (Value >= 0)
        {
            _ = LibC.close(Value);
            Value = -1;
        }
    }
}
