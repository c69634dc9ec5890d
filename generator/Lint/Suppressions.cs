using System.Text.RegularExpressions;
using Generator.Findings;
using Generator.Yaml;

namespace Generator.Lint;

/// <summary>
/// <c># lint-ignore: &lt;rule-id&gt; &lt;reason&gt;</c> comments: on the line(s) right above the offending key, or above a
/// document (its first line or its <c>---</c>) to cover the whole document. Several ids may be given, comma-separated.
/// </summary>
public sealed partial class Suppressions
{
    private readonly Dictionary<string, (YamlStream Stream, int[] DocumentLines)> _streams;

    public Suppressions(IEnumerable<YamlStream> streams) =>
        _streams = streams.GroupBy(s => s.File).ToDictionary(
            g => g.Key,
            g => (g.First(), g.First().Documents.Where(d => d.Start.IsKnown).Select(d => d.Start.Line).ToArray()),
            StringComparer.Ordinal);

    [GeneratedRegex(@"^\s*#\s*lint-ignore:\s*(?<ids>[a-z0-9-]+(\s*,\s*[a-z0-9-]+)*)(\s+.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IgnoreComment();

    public bool IsSuppressed(Finding finding)
    {
        if (finding.Line <= 0 || !_streams.TryGetValue(finding.File, out var source) || source.Stream.Text.Length == 0)
        {
            return false;
        }

        var stream = source.Stream;
        if (CommentsAbove(stream.Lines, finding.Line).Contains(finding.RuleId))
        {
            return true;
        }

        // The document holding the finding: the last one starting at or above its line (documents are in line order).
        var index = Array.BinarySearch(source.DocumentLines, finding.Line);
        index = index >= 0 ? LastOf(source.DocumentLines, index) : ~index - 1;
        if (index < 0)
        {
            return false;
        }

        var rootLine = source.DocumentLines[index];
        return CommentsAbove(stream.Lines, rootLine).Contains(finding.RuleId)
            || CommentsAbove(stream.Lines, SeparatorLine(stream.Lines, rootLine)).Contains(finding.RuleId);
    }

    /// <summary>The last of equal entries (several documents can start on one line: <c>--- {} --- {}</c>).</summary>
    private static int LastOf(int[] lines, int index)
    {
        while (index + 1 < lines.Length && lines[index + 1] == lines[index])
        {
            index++;
        }

        return index;
    }

    /// <summary>The rule ids named by the block of comment lines directly above a 1-based line.</summary>
    private static HashSet<string> CommentsAbove(IReadOnlyList<string> lines, int line)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = Math.Min(line, lines.Count) - 2; i >= 0; i--)
        {
            var text = lines[i];
            if (!text.TrimStart().StartsWith('#'))
            {
                break;
            }

            var match = IgnoreComment().Match(text);
            if (match.Success)
            {
                foreach (var id in match.Groups["ids"].Value.Split(','))
                {
                    ids.Add(id.Trim());
                }
            }
        }

        return ids;
    }

    /// <summary>A document's <c>---</c> line when it has one above its first node (comments may sit between), else its first line.</summary>
    private static int SeparatorLine(IReadOnlyList<string> lines, int rootLine)
    {
        for (var i = Math.Min(rootLine, lines.Count) - 2; i >= 0; i--)
        {
            var text = lines[i].Trim();
            if (text.StartsWith("---", StringComparison.Ordinal))
            {
                return i + 1;
            }

            if (!text.StartsWith('#') && text.Length > 0)
            {
                break;
            }
        }

        return rootLine;
    }
}
