namespace Platform.Build.Dockerfiles;

/// <summary>One instruction's text with its continuations joined, and where it starts in the file.</summary>
internal sealed record LogicalLine(string Text, int Line, int Column);
