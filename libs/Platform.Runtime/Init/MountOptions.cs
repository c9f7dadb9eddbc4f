using Platform.Runtime.Linux;

namespace Platform.Runtime.Init;

/// <summary>Turns OCI mount options ("nosuid", "ro", "rbind", "mode=755") into mount(2) flags and data.</summary>
public static class MountOptions
{
    private static readonly Dictionary<string, (ulong Set, ulong Clear)> Flags = new()
    {
        ["ro"] = (Native.MsRdonly, 0),
        ["rw"] = (0, Native.MsRdonly),
        ["nosuid"] = (Native.MsNosuid, 0),
        ["suid"] = (0, Native.MsNosuid),
        ["nodev"] = (Native.MsNodev, 0),
        ["dev"] = (0, Native.MsNodev),
        ["noexec"] = (Native.MsNoexec, 0),
        ["exec"] = (0, Native.MsNoexec),
        ["bind"] = (Native.MsBind, 0),
        ["rbind"] = (Native.MsBind | Native.MsRec, 0),
        ["relatime"] = (Native.MsRelatime, 0),
        ["strictatime"] = (Native.MsStrictatime, 0),
        ["private"] = (0, 0),
        ["rprivate"] = (0, 0),
        ["slave"] = (0, 0),
        ["rslave"] = (0, 0),
    };

    public static (ulong Flags, string? Data) Parse(IEnumerable<string>? options)
    {
        ulong flags = 0;
        var data = new List<string>();
        foreach (var option in options ?? [])
        {
            if (Flags.TryGetValue(option, out var f))
            {
                flags = (flags | f.Set) & ~f.Clear;
            }
            else
            {
                data.Add(option);
            }
        }

        return (flags, data.Count == 0 ? null : string.Join(',', data));
    }

    public static bool IsBind(ulong flags) => (flags & Native.MsBind) != 0;
}
