using System.Text.Json.Nodes;

namespace Platform.Cli.Config;

/// <summary>
/// A kubeconfig for the real kubectl: one cluster (the https server and the authority its certificate
/// is signed by, see <see cref="KubeconfigCluster"/>), one user (the bearer token) and one
/// context joining them with the namespace, all under one name. Merged into an existing kubeconfig,
/// entries of the same name are replaced and every other entry is kept.
/// </summary>
internal static class Kubeconfig
{
    public const string DefaultName = "platform";

    public static JsonObject Create(KubeconfigCluster cluster, CliConfig config, string name)
    {
        var kubeconfig = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Config",
            ["preferences"] = new JsonObject(),
        };
        Merge(kubeconfig, cluster, config, name);
        return kubeconfig;
    }

    public static void Merge(JsonObject kubeconfig, KubeconfigCluster cluster, CliConfig config, string name)
    {
        kubeconfig["apiVersion"] ??= "v1";
        kubeconfig["kind"] ??= "Config";
        var clusterEntry = new JsonObject { ["server"] = cluster.Server };
        if (cluster.CertificateAuthorityData is { } authority)
        {
            clusterEntry["certificate-authority-data"] = authority;
        }

        Upsert(kubeconfig, "clusters", name, "cluster", clusterEntry);
        var user = new JsonObject();
        if (config.Token is { } token)
        {
            user["token"] = token;
        }

        Upsert(kubeconfig, "users", name, "user", user);
        Upsert(kubeconfig, "contexts", name, "context", new JsonObject
        {
            ["cluster"] = name,
            ["namespace"] = config.Namespace,
            ["user"] = name,
        });
        kubeconfig["current-context"] = name;
    }

    private static void Upsert(JsonObject kubeconfig, string list, string name, string field, JsonObject value)
    {
        if (kubeconfig[list] is not JsonArray entries)
        {
            entries = [];
            kubeconfig[list] = entries;
        }

        var entry = new JsonObject { ["name"] = name, [field] = value };
        var index = entries.ToList().FindIndex(e => e?["name"]?.ToString() == name);
        if (index < 0)
        {
            entries.Add((JsonNode)entry);
        }
        else
        {
            entries[index] = entry;
        }
    }
}
