using System.Text.RegularExpressions;

namespace Generator.Yaml;

/// <summary>One document of a YAML stream. <see cref="Root"/> is null for an empty document.</summary>
public sealed record YamlDocument(string File, int Index, YamlNode? Root, Mark Start);

/// <summary>A parsed file (or standard input): its documents, the problems met while reading it, and its text.</summary>
public sealed partial class YamlStream
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

    /// <summary>
    /// The source lines, split at the breaks YamlDotNet counts (CRLF, CR, LF, and YAML 1.1's NEL, LS and PS) so that a
    /// finding's line number indexes them; split lazily, since only suppression comments and embedded YAML need them.
    /// </summary>
    public IReadOnlyList<string> Lines => _lines ??= LineBreak().Split(Text);

    [GeneratedRegex("\r\n|[\r\n\u0085\u2028\u2029]", RegexOptions.CultureInvariant)]
    private static partial Regex LineBreak();
}
