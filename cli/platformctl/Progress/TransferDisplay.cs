using Spectre.Console;

namespace Platform.Cli.Progress;

/// <summary>Runs a command's transfers with the board that suits stderr: bars on a terminal, lines otherwise.</summary>
internal static class TransferDisplay
{
    public static Task<T> RunAsync<T>(CliHost host, Func<ITransferBoard, Task<T>> work)
    {
        if (!host.ErrorIsTerminal)
        {
            return work(new LineBoard(host.Error));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(host.Error) });
        return console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new TransferSizeColumn())
            .StartAsync(context => work(new TerminalBoard(context)));
    }
}
