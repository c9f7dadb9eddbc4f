using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Runtime.Spec;

namespace Platform.Runtime.State;

/// <summary>
/// Where containers' state lives: one directory per container under the runtime root
/// (default /run/platform-runtime), holding state.json and the exec fifo.
/// </summary>
public sealed partial class StateStore(string root)
{
    public const string DefaultRoot = "/run/platform-runtime";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex ValidId();

    public string Root => root;

    public string Directory(string id) => Path.Combine(root, CheckId(id));

    public string ExecFifo(string id) => Path.Combine(Directory(id), "exec.fifo");

    public bool Exists(string id) => File.Exists(StateFile(id));

    public ContainerState Load(string id)
    {
        var path = StateFile(id);
        if (!File.Exists(path))
        {
            throw new RuntimeException($"container \"{id}\" does not exist");
        }

        return JsonSerializer.Deserialize(File.ReadAllText(path), RuntimeJson.Default.ContainerState)
            ?? throw new RuntimeException($"state of container \"{id}\" is unreadable");
    }

    public void Save(ContainerState state)
    {
        var path = StateFile(state.Id);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(state, RuntimeJson.Default.ContainerState));
        File.Move(temporary, path, overwrite: true);
    }

    public IEnumerable<string> Ids() =>
        System.IO.Directory.Exists(root)
            ? System.IO.Directory.EnumerateDirectories(root).Select(Path.GetFileName).OfType<string>().Where(id => File.Exists(StateFile(id)))
            : [];

    public void Remove(string id)
    {
        var directory = Directory(id);
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }

    public static string CheckId(string id) =>
        ValidId().IsMatch(id) ? id : throw new RuntimeException($"invalid container id \"{id}\": use letters, digits, '_', '.', '-'");

    private string StateFile(string id) => Path.Combine(Directory(id), "state.json");
}
