using System.Globalization;

namespace Platform.Cgroups;

/// <summary>Reads and writes the small text files of the cgroup filesystem, with errors that name the file.</summary>
internal static class CgroupFiles
{
    public static void Write(string directory, string file, string value)
    {
        var path = Path.Combine(directory, file);
        try
        {
            File.WriteAllText(path, value);
        }
        catch (IOException e)
        {
            throw new CgroupException($"cannot write \"{value}\" to {path}: {e.Message}", e);
        }
    }

    public static void Write(string directory, string file, long value) =>
        Write(directory, file, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Creates a group; retried because another container's cleanup may remove an empty parent meanwhile.</summary>
    public static void CreateDirectory(string directory)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.CreateDirectory(directory);
                return;
            }
            catch (IOException) when (attempt < 5)
            {
            }
        }
    }

    public static IReadOnlyList<int> ReadPids(string directory)
    {
        var path = Path.Combine(directory, "cgroup.procs");
        return File.Exists(path)
            ? File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToList()
            : [];
    }

    /// <summary>A "key value" line of a flat-keyed file such as memory.events or memory.oom_control.</summary>
    public static long ReadKey(string directory, string file, string key)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            return 0;
        }

        return File.ReadLines(path)
            .Select(l => l.Split(' ', 2))
            .Where(p => p.Length == 2 && p[0] == key)
            .Select(p => long.Parse(p[1], CultureInfo.InvariantCulture))
            .FirstOrDefault();
    }

    /// <summary>
    /// Removes the parents this runtime created ("platform/") once their last container is gone. A
    /// parent that still has a child, or is the hierarchy's own root, refuses rmdir: that is the stop.
    /// </summary>
    private static void RemoveEmptyParents(string directory)
    {
        for (var parent = Path.GetDirectoryName(directory); parent is not null && File.Exists(Path.Combine(parent, "cgroup.procs")); parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(Path.Combine(parent, "release_agent")) || File.Exists(Path.Combine(parent, "cgroup.controllers")) && !File.Exists(Path.Combine(parent, "cgroup.type")))
            {
                return;
            }

            try
            {
                Directory.Delete(parent);
            }
            catch (IOException)
            {
                return;
            }
        }
    }

    /// <summary>Kills every process in the group and removes the directory once it is empty.</summary>
    public static void KillAndRemove(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        for (var attempt = 0; attempt < 100; attempt++)
        {
            var pids = ReadPids(directory);
            foreach (var pid in pids)
            {
                Signals.Kill(pid);
            }

            try
            {
                Directory.Delete(directory);
                RemoveEmptyParents(directory);
                return;
            }
            catch (IOException) when (attempt < 99)
            {
                Thread.Sleep(10);
            }
        }
    }
}
