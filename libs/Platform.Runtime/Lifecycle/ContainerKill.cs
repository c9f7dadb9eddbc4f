using System.Globalization;
using Platform.Runtime.Linux;
using Platform.Runtime.State;

namespace Platform.Runtime.Lifecycle;

/// <summary>`kill`: sends a signal to the container's init.</summary>
public static class ContainerKill
{
    private static readonly Dictionary<string, int> Signals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HUP"] = 1,
        ["INT"] = 2,
        ["QUIT"] = 3,
        ["KILL"] = 9,
        ["USR1"] = 10,
        ["USR2"] = 12,
        ["TERM"] = 15,
        ["CONT"] = 18,
        ["STOP"] = 19,
        ["WINCH"] = 28,
    };

    public static void Kill(StateStore store, string id, string signal)
    {
        var state = ContainerQuery.State(store, id);
        if (state.Status == ContainerStatus.Stopped)
        {
            throw new RuntimeException($"container \"{id}\" is not running");
        }

        if (Libc.kill(state.Pid, ParseSignal(signal)) != 0)
        {
            throw new RuntimeException($"kill {state.Pid}: {Native.Describe(Libc.Errno)}");
        }
    }

    public static int ParseSignal(string signal)
    {
        var name = signal.StartsWith("SIG", StringComparison.OrdinalIgnoreCase) ? signal[3..] : signal;
        return Signals.TryGetValue(name, out var number) ? number
            : int.TryParse(signal, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number is > 0 and < 65 ? number
            : throw new RuntimeException($"unknown signal \"{signal}\"");
    }
}
