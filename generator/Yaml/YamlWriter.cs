using System.Globalization;
using System.Text;

namespace Generator.Yaml;

/// <summary>
/// Writes node trees as block YAML, deterministically: keys in tree order, two-space indentation, LF line endings,
/// sequences indented under their key. A string is written plain only when every YAML 1.1 and 1.2 reader (kubectl's
/// goyaml.v2 included) reads it back as the same string; otherwise multi-line text becomes a literal block and the rest
/// is double-quoted with Go-compatible escapes, so the chart's <c>quote</c> helper produces the same bytes.
/// YamlDotNet's emitter picks its own quoting and indentation rules, which we could not match in the chart templates.
/// </summary>
public static class YamlWriter
{
    private const string Indent = "  ";

    public static string Write(YamlNode root)
    {
        var sb = new StringBuilder();
        WriteDocument(sb, root);
        return sb.ToString();
    }

    /// <summary>Writes several documents into one stream, separated by <c>---</c>.</summary>
    public static string WriteStream(IEnumerable<YamlNode> documents)
    {
        var sb = new StringBuilder();
        var first = true;
        foreach (var document in documents)
        {
            if (!first)
            {
                sb.Append("---\n");
            }

            first = false;
            WriteDocument(sb, document);
        }

        return sb.ToString();
    }

    /// <summary>The scalar as it would appear after <c>key: </c> on one line (used by templates for single values).</summary>
    public static string FormatScalar(YamlScalar scalar) => scalar.Kind == ScalarKind.String ? FormatString(scalar.Text) : scalar.Text;

    private static void WriteDocument(StringBuilder sb, YamlNode root)
    {
        switch (root)
        {
            case YamlMapping { Count: > 0 } mapping:
                WriteMapping(sb, mapping, 0);
                break;
            case YamlSequence { Count: > 0 } sequence:
                WriteSequence(sb, sequence, 0);
                break;
            default:
                WriteInline(sb, root, 0);
                sb.Append('\n');
                break;
        }
    }

    private static void WriteMapping(StringBuilder sb, YamlMapping mapping, int level, bool firstLineIndented = true)
    {
        var first = true;
        foreach (var entry in mapping.Entries)
        {
            if (!first || firstLineIndented)
            {
                AppendIndent(sb, level);
            }

            first = false;
            sb.Append(FormatString(entry.Key.Text)).Append(':');
            WriteValue(sb, entry.Value, level);
        }
    }

    private static void WriteSequence(StringBuilder sb, YamlSequence sequence, int level)
    {
        foreach (var item in sequence.Items)
        {
            AppendIndent(sb, level);
            sb.Append('-');
            switch (item)
            {
                case YamlMapping { Count: > 0 } mapping:
                    sb.Append(' ');
                    WriteMapping(sb, mapping, level + 1, firstLineIndented: false);
                    break;
                case YamlSequence { Count: > 0 } nested:
                    sb.Append('\n');
                    WriteSequence(sb, nested, level + 1);
                    break;
                default:
                    sb.Append(' ');
                    WriteInline(sb, item, level);
                    sb.Append('\n');
                    break;
            }
        }
    }

    /// <summary>Writes what follows <c>key:</c>, including the line break(s).</summary>
    private static void WriteValue(StringBuilder sb, YamlNode value, int level)
    {
        switch (value)
        {
            case YamlMapping { Count: > 0 } mapping:
                sb.Append('\n');
                WriteMapping(sb, mapping, level + 1);
                break;
            case YamlSequence { Count: > 0 } sequence:
                sb.Append('\n');
                WriteSequence(sb, sequence, level + 1);
                break;
            default:
                sb.Append(' ');
                WriteInline(sb, value, level);
                sb.Append('\n');
                break;
        }
    }

    /// <summary>An empty collection or a scalar; a literal block continues on the following lines at <paramref name="level"/> + 1.</summary>
    private static void WriteInline(StringBuilder sb, YamlNode node, int level)
    {
        switch (node)
        {
            case YamlMapping:
                sb.Append("{}");
                break;
            case YamlSequence:
                sb.Append("[]");
                break;
            case YamlScalar { Kind: ScalarKind.String } scalar when UseLiteralBlock(scalar.Text):
                WriteLiteralBlock(sb, scalar.Text, level + 1);
                break;
            case YamlScalar scalar:
                sb.Append(FormatScalar(scalar));
                break;
        }
    }

    private static void WriteLiteralBlock(StringBuilder sb, string text, int level)
    {
        var trailing = text.Length - text.TrimEnd('\n').Length;
        var lines = text.TrimEnd('\n').Split('\n');
        sb.Append('|');
        if (lines.First(l => l.Length > 0).StartsWith(' '))
        {
            // Readers take the indentation from the first non-empty line, so one that starts with a space needs the
            // indicator (relative to the parent node, which always sits one level up).
            sb.Append(Indent.Length.ToString(CultureInfo.InvariantCulture));
        }

        sb.Append(trailing switch { 0 => "-", 1 => string.Empty, _ => "+" });
        if (trailing > 1)
        {
            lines = [.. lines, .. Enumerable.Repeat(string.Empty, trailing - 1)];
        }

        foreach (var line in lines)
        {
            sb.Append('\n');
            if (line.Length > 0)
            {
                AppendIndent(sb, level);
                sb.Append(line);
            }
        }
    }

    private static bool UseLiteralBlock(string text)
    {
        if (!text.Contains('\n') || text.TrimEnd('\n').Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            // NEL (a control character), LS and PS are line breaks to YAML 1.1 readers: only a quoted scalar keeps them.
            if (c != '\n' && c != '\t' && (char.IsControl(c) || c is '\uFEFF' or '\u2028' or '\u2029' || char.IsSurrogate(c)))
            {
                return false;
            }
        }

        // A line of only spaces, or trailing spaces at the end of a line, would not survive some editors and linters.
        foreach (var line in text.Split('\n'))
        {
            if (line.Length > 0 && (line[^1] == ' ' || line[^1] == '\t'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A string as a plain scalar when that is unambiguous, otherwise double-quoted.</summary>
    public static string FormatString(string text) => IsPlainSafe(text) ? text : Quote(text);

    /// <summary>Double-quotes like Go's <c>strconv.Quote</c> (Helm's <c>quote</c>), which is also a valid YAML double-quoted scalar.</summary>
    public static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2);
        sb.Append('"');
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\a':
                    sb.Append("\\a");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                case '\v':
                    sb.Append("\\v");
                    break;
                default:
                    if (rune.Value < 0x20 || rune.Value == 0x7F)
                    {
                        sb.Append("\\x").Append(rune.Value.ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (!IsGoPrintable(rune))
                    {
                        sb.Append(rune.Value > 0xFFFF
                            ? "\\U" + rune.Value.ToString("x8", CultureInfo.InvariantCulture)
                            : "\\u" + rune.Value.ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(rune.ToString());
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space; the rest is escaped.</summary>
    private static bool IsGoPrintable(Rune rune) => rune.Value == ' ' || Rune.GetUnicodeCategory(rune) is not (
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
        or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        or UnicodeCategory.SpaceSeparator);

    private static bool IsPlainSafe(string text) => PlainScalars.IsPlain(text);

    private static void AppendIndent(StringBuilder sb, int level)
    {
        for (var i = 0; i < level; i++)
        {
            sb.Append(Indent);
        }
    }
}
