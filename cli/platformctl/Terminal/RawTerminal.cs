using System.Runtime.InteropServices;
using Platform.RemoteCommand;

namespace Platform.Cli.Terminal;

/// <summary>
/// The local terminal in raw mode for `exec -t`, as kubectl puts it: every key (Ctrl-C, Ctrl-D, arrows)
/// goes to the remote terminal unprocessed and unechoed. The settings found are put back on dispose,
/// which runs on every way out (the command's end, an error, SIGINT/SIGTERM through cancellation).
/// </summary>
internal sealed class RawTerminal : IDisposable
{
    private const int StandardInput = 0;
    private const int ApplyNow = 0;

    // struct termios is 60 bytes on Linux (glibc); the buffer leaves room for any libc's layout.
    private const int TermiosBytes = 128;

    private readonly byte[] original;
    private bool restored;

    private RawTerminal(byte[] original) => this.original = original;

    /// <summary>Switches stdin's terminal to raw mode; null when stdin is not a terminal or cannot be switched.</summary>
    public static RawTerminal? TryEnter()
    {
        if (!OperatingSystem.IsLinux() || Console.IsInputRedirected || IsATerminal(StandardInput) != 1)
        {
            return null;
        }

        var original = new byte[TermiosBytes];
        if (GetAttributes(StandardInput, original) != 0)
        {
            return null;
        }

        var raw = (byte[])original.Clone();
        MakeRaw(raw);
        return SetAttributes(StandardInput, ApplyNow, raw) == 0 ? new RawTerminal(original) : null;
    }

    /// <summary>The local terminal's size, sent to the remote terminal at start and on every SIGWINCH.</summary>
    public static TerminalSize CurrentSize()
    {
        try
        {
            return new TerminalSize((ushort)Math.Max(0, Console.WindowWidth), (ushort)Math.Max(0, Console.WindowHeight));
        }
        catch (IOException)
        {
            return new TerminalSize(80, 24);
        }
    }

    /// <summary>Calls back on every SIGWINCH (the window was resized) until disposed.</summary>
    public static IDisposable? OnResize(Action resized) =>
        OperatingSystem.IsLinux() ? PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => resized()) : null;

    public void Dispose()
    {
        if (!restored)
        {
            restored = true;
            _ = SetAttributes(StandardInput, ApplyNow, original);
        }
    }

    [DllImport("libc", EntryPoint = "isatty")]
    private static extern int IsATerminal(int fd);

    [DllImport("libc", EntryPoint = "tcgetattr")]
    private static extern int GetAttributes(int fd, byte[] termios);

    [DllImport("libc", EntryPoint = "tcsetattr")]
    private static extern int SetAttributes(int fd, int optionalActions, byte[] termios);

    [DllImport("libc", EntryPoint = "cfmakeraw")]
    private static extern void MakeRaw(byte[] termios);
}
