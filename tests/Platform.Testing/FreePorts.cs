using System.Net;
using System.Net.Sockets;

namespace Platform.Testing;

public static class FreePorts
{
    /// <summary>A loopback TCP port nothing listens on right now.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// A port for RabbitMQ's AMQP listener whose derived ports (distribution +20000, rabbitmqctl
    /// +30000..+30010) are free too.
    /// </summary>
    public static int ForRabbitMq()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(25000, 35000);
            if (IsFree(port) && IsFree(port + 20000) && Enumerable.Range(port + 30000, 11).All(IsFree))
            {
                return port;
            }
        }

        throw new InvalidOperationException("no free port range for RabbitMQ");
    }
}
