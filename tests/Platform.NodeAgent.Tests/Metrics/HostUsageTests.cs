using Platform.NodeAgent.Metrics;

namespace Platform.NodeAgent.Tests.Metrics;

public class HostUsageTests
{
    [Fact]
    public void Busy_cpu_time_leaves_out_idle_and_iowait()
    {
        const string stat = "cpu  2812817 5 371014 829502 8206 1 7037 24989 0 0\ncpu0 1392344 0 183988 433133 2402 0 2329 12082 0 0\n";

        // user + nice + system + irq + softirq + steal, in 10 ms ticks.
        Assert.Equal((2812817L + 5 + 371014 + 1 + 7037 + 24989) * 10_000_000, HostUsage.ParseCpuNanoseconds(stat));
    }

    [Fact]
    public void Memory_in_use_is_total_less_available()
    {
        const string meminfo = "MemTotal:       24576000 kB\nMemFree:         1000000 kB\nMemAvailable:   20000000 kB\nBuffers:          100 kB\n";

        Assert.Equal((24_576_000L - 20_000_000) * 1024, HostUsage.ParseMemoryInUseBytes(meminfo));
    }

    [Fact]
    public async Task This_machine_reads()
    {
        var (cpu, memory) = await HostUsage.ReadAsync(CancellationToken.None);

        Assert.True(cpu > 0);
        Assert.True(memory > 0);
    }

    [Fact]
    public void Network_bytes_sum_every_interface_but_loopback()
    {
        const string netDev = """
            Inter-|   Receive                                                |  Transmit
             face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                lo:  123456     100    0    0    0     0          0         0   123456     100    0    0    0     0       0          0
              eth0:    5000      40    0    0    0     0          0         0     7000      50    0    0    0     0       0          0
              eth1:     100       1    0    0    0     0          0         0      200       2    0    0    0     0       0          0
            """;

        Assert.Equal((5100L, 7200L), NetworkCounters.ParseNetDev(netDev));
    }

    [Fact]
    public void A_process_that_is_gone_has_no_network_bytes() =>
        Assert.Equal((0L, 0L), NetworkCounters.Read(int.MaxValue));
}
