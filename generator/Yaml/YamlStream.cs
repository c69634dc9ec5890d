namespace Generator.Yaml;

/// <summary>One document of a YAML stream. <see cref="Root"/> is null for an empty document.</summary>
public sealed record YamlDocument(string File, int Index, YamlNode? Root, Mark Start);

/// <summary>A parsed file (or standard input): its documents, the problems met while reading it, and its text.</summary>
public sealed class YamlStream
{
    private string[]? _lines;

    public YamlStream(string file, string text, IReadOnlyList<YamlDocument> documents, IReadOnlyList<YamlProblem> problems)
    {
        File = file;
        Text = text;
        Documents = documents;
        Problems = problems;
    }

    public string File { get; }

    public string Text { get; }

    public IReadOnlyList<YamlDocument> Documents { get; }

    public IReadOnlyList<YamlProblem> Problems { get; }

    /// <summary>The source lines (split lazily: only suppression comments need them).</summary>
    public IReadOnlyList<string> Lines => _lines ??= Text.Split('\n');
}
