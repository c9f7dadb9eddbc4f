using Platform.Runtime.Spec;

namespace Platform.NodeAgent.Networking;

/// <summary>Puts a container into its pod's sandbox: it joins the pod's network namespace and sees the pod's hosts and resolv.conf.</summary>
public static class SandboxSpec
{
    public static void Apply(RuntimeSpec spec, PodSandbox? sandbox)
    {
        if (sandbox is null || spec.Linux?.Namespaces is not { } namespaces)
        {
            return;
        }

        namespaces.RemoveAll(n => n.Type == "network");
        if (sandbox.IsHostNetwork)
        {
            return;
        }

        namespaces.Add(new SpecNamespace { Type = "network", Path = sandbox.NetnsPath });
        spec.Mounts ??= [];
        spec.Mounts.Add(new SpecMount { Destination = "/etc/hosts", Type = "bind", Source = sandbox.HostsFile, Options = ["bind", "ro"] });
        spec.Mounts.Add(new SpecMount { Destination = "/etc/resolv.conf", Type = "bind", Source = sandbox.ResolvConfFile, Options = ["bind", "ro"] });
    }
}
