using System.CommandLine;

namespace Platform.Cli.Commands;

/// <summary>`image import|pull|push|rm|inspect|ls`, and the top-level `images`.</summary>
internal static class ImageCommand
{
    public static Command Create(CommandRunner runner)
    {
        var registry = new RegistryOption(recursive: true);
        var command = new Command("image", "Manage images in the platform's registry") { registry.Option };
        Examples.Add(command, ("List the images of the platform's registry", "platformctl image ls"), ("Copy an image in from another registry", "platformctl image pull docker.example:5000/team/app:1"));
        command.Add(ImageImportCommand.Create(runner, registry));
        command.Add(ImagePullCommand.Create(runner, registry));
        command.Add(ImagePushCommand.Create(runner, registry));
        command.Add(ImageRemoveCommand.Create(runner, registry));
        command.Add(ImageInspectCommand.Create(runner, registry));
        command.Add(ImageListCommand.Create(runner, registry, "ls"));
        return command;
    }

    public static Command CreateImages(CommandRunner runner)
    {
        var registry = new RegistryOption(recursive: false);
        var command = ImageListCommand.Create(runner, registry, "images");
        command.Add(registry.Option);
        return command;
    }
}
