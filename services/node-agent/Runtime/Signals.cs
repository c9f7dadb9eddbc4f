using Tmds.Linux;

namespace Platform.NodeAgent.Runtime;

internal static class Signals
{
    /// <summary>Asks a process to stop, as `kill -TERM` does; .NET's Process offers only SIGKILL.</summary>
    public static void Terminate(int pid) => _ = LibC.kill(pid, LibC.SIGTERM);
}
