
namespace Platform.Runtime.Linux;

/// <summary>Brings up "lo" in a fresh network namespace (it starts down) with the classic ioctls; no allocation.</summary>
public static unsafe class Loopback
{
    private const int SiocGetFlags = 0x8913;
    private const int SiocSetFlags = 0x8914;
    private const short IffUp = 1;

    public static int BringUp()
    {
        var socket = Libc.socket(Libc.AfInet, Libc.SockDgram | Libc.SockCloexec, 0);
        if (socket < 0)
        {
            return -1;
        }

        // struct ifreq: 16 bytes of name, then a union whose first member is the short flags.
        var request = stackalloc byte[40];
        request[0] = (byte)'l';
        request[1] = (byte)'o';
        var result = Libc.ioctl(socket, SiocGetFlags, request);
        if (result == 0)
        {
            *(short*)(request + 16) |= IffUp;
            result = Libc.ioctl(socket, SiocSetFlags, request);
        }

        Libc.close(socket);
        return result;
    }

    public static int Prepare() => 0;
}
