using System.Text;

namespace Platform.Oci.Layers;

/// <summary>
/// Turns a tar entry name into a path relative to the layer root, or refuses it. Tar names in a
/// layer are relative by the spec; a leading '/' is stripped as Docker does, and a '..' component is
/// refused outright rather than resolved, because no honest layer needs one.
/// </summary>
public static class LayerPath
{
    public static string Normalize(string name, LayerLimits limits)
    {
        if (name.Contains('\0'))
        {
            throw new LayerRejectedException($"entry name '{Printable(name)}' contains a NUL byte");
        }
        if (Encoding.UTF8.GetByteCount(name) >= limits.MaxPathBytes)
        {
            throw new LayerRejectedException($"entry name '{Printable(name)[..64]}...' is longer than PATH_MAX ({limits.MaxPathBytes} bytes)");
        }
        var components = new List<string>();
        foreach (var component in name.Split('/'))
        {
            if (component is "" or ".")
            {
                continue;
            }
            if (component == "..")
            {
                throw new LayerRejectedException($"entry '{Printable(name)}' has a '..' component");
            }
            if (Encoding.UTF8.GetByteCount(component) > limits.MaxNameBytes)
            {
                throw new LayerRejectedException($"entry '{Printable(name)}' has a component longer than NAME_MAX ({limits.MaxNameBytes} bytes)");
            }
            components.Add(component);
        }
        return string.Join('/', components);
    }

    /// <summary>The parent of a normalised path; empty for a top-level entry.</summary>
    public static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    /// <summary>The last component of a normalised path.</summary>
    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    public static string Combine(string parent, string name) => parent.Length == 0 ? name : parent + "/" + name;

    /// <summary>Every proper ancestor of a normalised path, from the top down ("a", "a/b" for "a/b/c").</summary>
    public static IEnumerable<string> Ancestors(string path)
    {
        for (var slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
        {
            yield return path[..slash];
        }
    }

    /// <summary>A name safe to put in an error message (control characters escaped).</summary>
    public static string Printable(string name) =>
        string.Concat(name.Select(c => char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString()));
}
