namespace Platform.Oci.Layers;

/// <summary>What an accepted tar entry becomes in the overlayfs-format layer directory.</summary>
public enum LayerEntryKind
{
    Directory,
    RegularFile,
    Symlink,
    HardLink,
    Fifo,

    /// <summary>An OCI whiteout <c>.wh.NAME</c>: becomes the overlay whiteout, a 0/0 character device named NAME.</summary>
    Whiteout,

    /// <summary>An OCI opaque marker <c>.wh..wh..opq</c>: its directory gets <c>trusted.overlay.opaque=y</c>.</summary>
    OpaqueDirectory,

    /// <summary>Entries with no effect on the tree: PAX global headers, old AUFS metadata.</summary>
    Ignored,
}
