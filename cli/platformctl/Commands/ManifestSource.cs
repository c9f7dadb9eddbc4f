using Platform.Api.Serialization;

namespace Platform.Cli.Commands;

/// <summary>Reads the documents named by -f: a file, every manifest of a directory, or stdin ("-").</summary>
internal static class ManifestSource
{
    private static readonly string[] ManifestExtensions = [".yaml", ".yml", ".json"];

    public static async Task<IReadOnlyList<ManifestDocument>> ReadAsync(string source, TextReader stdin, CancellationToken cancellationToken)
    {
        if (source == "-")
        {
            return Parse(await stdin.ReadToEndAsync(cancellationToken), "stdin");
        }

        var documents = new List<ManifestDocument>();
        foreach (var file in FilesOf(source))
        {
            documents.AddRange(Parse(await File.ReadAllTextAsync(file, cancellationToken), file));
        }

        return documents;
    }

    private static IEnumerable<string> FilesOf(string source)
    {
        if (Directory.Exists(source))
        {
            return Directory.EnumerateFiles(source)
                .Where(f => ManifestExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal);
        }

        return File.Exists(source) ? [source] : throw new CliException($"the path \"{source}\" does not exist");
    }

    private static List<ManifestDocument> Parse(string text, string origin)
    {
        try
        {
            var documents = ManifestReader.ReadDocuments(text);
            return documents
                .Select((content, index) => new ManifestDocument(content, Origin(origin, index, documents.Count)))
                .ToList();
        }
        catch (ManifestFormatException e)
        {
            throw new CliException($"error parsing {origin}: {e.Message}");
        }
    }

    private static string Origin(string origin, int index, int count) =>
        count == 1 ? origin : $"{origin} (document {index + 1})";
}
