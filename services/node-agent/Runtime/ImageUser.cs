using System.Globalization;

namespace Platform.NodeAgent.Runtime;

/// <summary>
/// The image's USER ("1000", "1000:1000", "app", "app:staff") as numeric ids, names looked up in the
/// image's own /etc/passwd and /etc/group, as Docker does.
/// </summary>
public static class ImageUser
{
    public static (uint Uid, uint Gid) Resolve(string? user, string rootfs)
    {
        if (string.IsNullOrEmpty(user))
        {
            return (0, 0);
        }

        var parts = user.Split(':', 2);
        var (uid, primaryGid) = UserId(parts[0], rootfs);
        var gid = parts.Length == 2 ? GroupId(parts[1], rootfs) : primaryGid;
        return (uid, gid);
    }

    private static (uint Uid, uint Gid) UserId(string user, string rootfs)
    {
        var entry = Lookup(Path.Combine(rootfs, "etc", "passwd"), user);
        if (uint.TryParse(user, NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
        {
            return (uid, entry is null ? 0 : uint.Parse(entry[3], CultureInfo.InvariantCulture));
        }

        return entry is not null
            ? (uint.Parse(entry[2], CultureInfo.InvariantCulture), uint.Parse(entry[3], CultureInfo.InvariantCulture))
            : throw new ContainerStartException("CreateContainerConfigError", $"user \"{user}\" is not in the image's /etc/passwd");
    }

    private static uint GroupId(string group, string rootfs) =>
        uint.TryParse(group, NumberStyles.None, CultureInfo.InvariantCulture, out var gid) ? gid
        : Lookup(Path.Combine(rootfs, "etc", "group"), group) is { } entry ? uint.Parse(entry[2], CultureInfo.InvariantCulture)
        : throw new ContainerStartException("CreateContainerConfigError", $"group \"{group}\" is not in the image's /etc/group");

    /// <summary>The fields of the line whose name (or, for a number, id) matches.</summary>
    private static string[]? Lookup(string file, string nameOrId)
    {
        if (!File.Exists(file) || new FileInfo(file).LinkTarget is not null)
        {
            return null;
        }

        return File.ReadLines(file)
            .Select(line => line.Split(':'))
            .FirstOrDefault(fields => fields.Length >= 4 && (fields[0] == nameOrId || fields[2] == nameOrId));
    }
}
