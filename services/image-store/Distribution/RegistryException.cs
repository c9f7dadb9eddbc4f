namespace Platform.ImageStore.Distribution;

/// <summary>A request the registry refuses; the API answers it with the error's status and JSON body.</summary>
public sealed class RegistryException(RegistryError error) : Exception(error.Message)
{
    public RegistryError Error { get; } = error;
}
