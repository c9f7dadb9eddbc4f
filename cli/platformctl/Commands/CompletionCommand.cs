using System.CommandLine;

namespace Platform.Cli.Commands;

/// <summary>
/// `completion bash|zsh`: a script that asks platformctl itself what may come next, through
/// System.CommandLine's [suggest:POSITION] directive (verbs, options, kind names).
/// </summary>
internal static class CompletionCommand
{
    private const string BashScript = """
        # platformctl completion for bash. Load it with: source <(platformctl completion bash)
        _platformctl_complete() {
            local IFS=$'\n'
            local candidates
            candidates=$("${COMP_WORDS[0]}" "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null) || return 0
            COMPREPLY=($(compgen -W "$candidates" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _platformctl_complete platformctl

        """;

    private const string ZshPreamble = """
        # platformctl completion for zsh, through zsh's bash completion support.
        autoload -U +X bashcompinit && bashcompinit

        """;

    public static Command Create(CommandRunner runner)
    {
        var shell = new Argument<string>("shell") { Description = "bash or zsh", HelpName = "SHELL" };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = new Command("completion", "Print a shell script that completes platformctl's verbs, options and kinds") { shell };
        Examples.Add(command,
            ("Complete in every new bash", "platformctl completion bash > /etc/bash_completion.d/platformctl"),
            ("Complete in the current bash", "source <(platformctl completion bash)"),
            ("Complete in zsh", "source <(platformctl completion zsh)"));
        runner.Attach(command, async (context, cancellationToken) =>
        {
            var script = context.Get(shell) == "zsh" ? ZshPreamble + BashScript : BashScript;
            await context.Out.WriteAsync(script.AsMemory(), cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }
}
