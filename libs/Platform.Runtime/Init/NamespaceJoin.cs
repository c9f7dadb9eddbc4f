using Platform.Runtime.Linux;
using Platform.Runtime.Spec;

namespace Platform.Runtime.Init;

/// <summary>An existing namespace the init enters with setns: opened by the parent, so the child only calls setns.</summary>
public struct NamespaceJoin
{
    public int Fd;
    public int Type;
}

/// <summary>Opens the `linux.namespaces[].path` entries before the fork and closes them after it.</summary>
public static unsafe class NamespaceJoins
{
    public static int CloneFlagOf(string type) => type switch
    {
        "pid" => Native.CloneNewPid,
        "mount" => Native.CloneNewNs,
        "uts" => Native.CloneNewUts,
        "ipc" => Native.CloneNewIpc,
        "network" => Native.CloneNewNet,
        "cgroup" => Native.CloneNewCgroup,
        _ => throw new RuntimeException($"unknown namespace type \"{type}\""),
    };

    public static NamespaceJoin[] Open(IEnumerable<SpecNamespace> namespaces)
    {
        var joins = new List<NamespaceJoin>();
        try
        {
            foreach (var ns in namespaces.Where(n => n.Path is not null))
            {
                var fd = Libc.open(Native.Utf8(ns.Path), Native.ORdonly | Native.OCloexec, 0);
                if (fd < 0)
                {
                    throw new RuntimeException($"cannot open the {ns.Type} namespace {ns.Path}: {Native.Describe(Libc.Errno)}");
                }

                joins.Add(new NamespaceJoin { Fd = fd, Type = CloneFlagOf(ns.Type!) });
            }

            return [.. joins];
        }
        catch
        {
            Close([.. joins]);
            throw;
        }
    }

    public static void Close(NamespaceJoin[] joins)
    {
        foreach (var join in joins)
        {
            Libc.close(join.Fd);
        }
    }
}
