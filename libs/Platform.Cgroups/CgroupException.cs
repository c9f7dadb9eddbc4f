namespace Platform.Cgroups;

public sealed class CgroupException(string message, Exception? inner = null) : Exception(message, inner);
