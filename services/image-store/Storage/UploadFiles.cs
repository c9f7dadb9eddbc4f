namespace Platform.ImageStore.Storage;

/// <summary>The files of one upload folder.</summary>
public static class UploadFiles
{
    public const string Data = "data";

    /// <summary>The repository the upload was started in: an upload only continues in that repository.</summary>
    public const string Repository = "repository";
}
