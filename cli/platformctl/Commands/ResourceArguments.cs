using System.CommandLine;
using Platform.Cli.Resources;

namespace Platform.Cli.Commands;

/// <summary>The TYPE and NAME arguments the resource verbs share; TYPE completes to kubectl's kind names.</summary>
internal static class ResourceArguments
{
    public static Argument<string> Type(string description)
    {
        var type = new Argument<string>("type") { Description = description, HelpName = "TYPE" };
        type.CompletionSources.Add(_ => ResourceKinds.Words());
        return type;
    }

    public static Argument<string[]> Names(string description) => new("name")
    {
        Description = description,
        HelpName = "NAME",
        Arity = ArgumentArity.ZeroOrMore,
    };
}
