using Platform.Runtime;
using Platform.RuntimeCli;

try
{
    return RuntimeCommand.Run(args);
}
catch (RuntimeException e)
{
    Console.Error.WriteLine($"platform-runtime: {e.Message}");
    return 1;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or Platform.Cgroups.CgroupException)
{
    Console.Error.WriteLine($"platform-runtime: {e.Message}");
    return 1;
}
