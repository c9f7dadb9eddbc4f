using System.Net;

namespace Platform.Networking.Tests.Addressing;

/// <summary>The pool on a real directory: what one pool object allocated, another (a restarted agent) sees.</summary>
public sealed class AddressPoolTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("platform-ipam-").FullName;
    private readonly Ipv4Subnet subnet = Ipv4Subnet.Parse("10.77.0.0/29");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Owners_get_distinct_addresses_and_the_same_one_again()
    {
        var pool = new AddressPool(subnet, directory);

        var a = pool.Allocate("pod-a");
        var b = pool.Allocate("pod-b");

        Assert.Equal(IPAddress.Parse("10.77.0.2"), a);
        Assert.Equal(IPAddress.Parse("10.77.0.3"), b);
        Assert.Equal(a, pool.Allocate("pod-a"));
    }

    [Fact]
    public void A_new_pool_on_the_same_directory_keeps_the_allocations()
    {
        var before = new AddressPool(subnet, directory).Allocate("pod-a");

        var after = new AddressPool(subnet, directory);

        Assert.Equal(before, after.Find("pod-a"));
        Assert.Equal(IPAddress.Parse("10.77.0.3"), after.Allocate("pod-b"));
    }

    [Fact]
    public void A_released_address_is_taken_again_and_releasing_twice_is_harmless()
    {
        var pool = new AddressPool(subnet, directory);
        var a = pool.Allocate("pod-a");
        pool.Allocate("pod-b");

        pool.Release("pod-a");
        pool.Release("pod-a");

        Assert.Null(pool.Find("pod-a"));
        Assert.Equal(a, pool.Allocate("pod-c"));
    }

    [Fact]
    public void A_full_subnet_says_so()
    {
        var pool = new AddressPool(subnet, directory);
        for (var i = 0; i < 5; i++)
        {
            pool.Allocate($"pod-{i}");
        }

        var error = Assert.Throws<InvalidOperationException>(() => pool.Allocate("one-too-many"));

        Assert.Equal("no free address left in 10.77.0.0/29", error.Message);
    }
}
