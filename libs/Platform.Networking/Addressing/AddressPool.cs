using System.Net;

namespace Platform.Networking;

/// <summary>
/// The node's pod addresses, one file per taken address under <c>directory</c> (its name the address,
/// its content the owner): created with O_EXCL, so two allocations never take the same address, and
/// on disk, so an agent restart finds every owner again. Allocating for an owner that already has an
/// address returns that address.
/// </summary>
public sealed class AddressPool(Ipv4Subnet subnet, string directory)
{
    private readonly Lock gate = new();

    public Ipv4Subnet Subnet => subnet;

    public IPAddress Allocate(string owner)
    {
        lock (gate)
        {
            Directory.CreateDirectory(directory);
            if (Find(owner) is { } existing)
            {
                return existing;
            }

            foreach (var address in subnet.PodAddresses())
            {
                try
                {
                    using var file = new FileStream(PathOf(address), FileMode.CreateNew, FileAccess.Write);
                    file.Write(System.Text.Encoding.UTF8.GetBytes(owner));
                    return address;
                }
                catch (IOException) when (File.Exists(PathOf(address)))
                {
                }
            }

            throw new InvalidOperationException($"no free address left in {subnet}");
        }
    }

    /// <summary>Frees every address <paramref name="owner"/> holds; nothing to free is fine.</summary>
    public void Release(string owner)
    {
        lock (gate)
        {
            while (Find(owner) is { } address)
            {
                File.Delete(PathOf(address));
            }
        }
    }

    public IPAddress? Find(string owner) =>
        Allocations().Where(a => a.Owner == owner).Select(a => a.Address).FirstOrDefault();

    /// <summary>Every taken address and its owner.</summary>
    public IReadOnlyList<(IPAddress Address, string Owner)> Allocations() =>
        !Directory.Exists(directory)
            ? []
            : Directory.EnumerateFiles(directory)
                .Select(path => (Name: Path.GetFileName(path), Path: path))
                .Where(f => IPAddress.TryParse(f.Name, out _))
                .Select(f => (IPAddress.Parse(f.Name), File.ReadAllText(f.Path)))
                .ToList();

    private string PathOf(IPAddress address) => Path.Combine(directory, address.ToString());
}
