using Tmds.Linux;

namespace Platform.Cgroups;

internal static class Signals
{
    public static void Kill(int pid) => _ = LibC.kill(pid, LibC.SIGKILL);
}
