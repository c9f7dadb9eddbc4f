namespace Platform.Grains;

public static class StorageNames
{
    /// <summary>The grain storage provider that holds all control-plane state.</summary>
    public const string ControlPlane = "control-plane";
}
