using System.Net;

namespace Platform.Networking.Dns;

/// <summary>Several sources of names asked in order; the first that knows a name answers (Services before pods, as Kubernetes' search path puts them).</summary>
public sealed class DnsNameChain(params IDnsNames[] sources) : IDnsNames
{
    public IPAddress? Resolve(string name) => ResolveAll(name).FirstOrDefault();

    public IReadOnlyList<IPAddress> ResolveAll(string name)
    {
        foreach (var source in sources)
        {
            if (source.ResolveAll(name) is { Count: > 0 } addresses)
            {
                return addresses;
            }
        }

        return [];
    }
}
