using System.Globalization;

namespace Platform.Runtime.State;

/// <summary>What /proc says of a process: whether it lives, and when it started (to tell a reused pid apart).</summary>
public static class ProcessInfo
{
    public static ulong? StartTime(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }

        // The command name (field 2) may hold spaces and parentheses: fields are counted after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields[0] is "Z" or "X" ? null : ulong.Parse(fields[19], CultureInfo.InvariantCulture);
    }

    public static bool IsAlive(int pid, ulong startTime) => pid > 0 && StartTime(pid) == startTime;
}
