// The layer store and unpacker speak to the Linux kernel directly (openat2, mknod, overlay xattrs).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
