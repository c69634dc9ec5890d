using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using CoreScalarStyle = YamlDotNet.Core.ScalarStyle;

namespace Generator.Yaml;

/// <summary>
/// Builds <see cref="YamlNode"/> trees from YamlDotNet's event parser. YamlDotNet's own representation model keeps no
/// per-node marks for keys, throws on the first duplicate key and expands nothing lazily, so we build the tree ourselves:
/// iteratively (no recursion, so depth is bounded by <see cref="YamlLimits.MaxDepth"/>, not by the stack), counting alias
/// expansions, keeping merge keys (<c>&lt;&lt;</c>) and turning every failure, including the parser's own exceptions, into a
/// <see cref="YamlProblem"/> with a position.
/// </summary>
public static partial class YamlReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The characters YAML does not allow in a stream (outside its printable set, c-printable: C0 controls but tab, LF
    /// and CR; DEL; C1 controls but NEL; U+FFFE, U+FFFF). YamlDotNet reads them; the API server rejects them.
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> NonPrintable = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), '\x7F',
         .. Enumerable.Range(0x80, 0x20).Where(c => c != 0x85).Select(c => (char)c), '\uFFFE', '\uFFFF']);

    /// <summary>Decodes bytes as strict UTF-8 (a BOM is skipped) and parses them; undecodable input is a problem, not an exception.</summary>
    public static YamlStream Parse(string file, byte[] bytes, YamlLimits? limits = null)
    {
        limits ??= YamlLimits.Default;
        if (bytes.LongLength > limits.MaxFileBytes)
        {
            return Failed(file, new YamlProblem(YamlProblemKind.Limit, new Mark(1, 1),
                $"file is {bytes.LongLength} bytes, more than the limit of {limits.MaxFileBytes} bytes"));
        }

        var offset = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException ex)
        {
            return Failed(file, new YamlProblem(YamlProblemKind.Syntax, MarkOfByte(bytes, offset + Math.Max(ex.Index, 0)), "invalid UTF-8 byte sequence"));
        }

        return Parse(file, text, limits);
    }

    /// <summary>Parses YAML text; <paramref name="translate"/> maps positions to an enclosing file when the YAML is embedded in a string.</summary>
    public static YamlStream Parse(string file, string text, YamlLimits? limits = null, Func<Mark, Mark>? translate = null)
    {
        limits ??= YamlLimits.Default;
        var builder = new TreeBuilder(file, limits, translate ?? (m => m));
        var parser = new Parser(new StringReader(text));
        try
        {
            while (!builder.Stopped && parser.MoveNext())
            {
                builder.Accept(parser.Current!);
            }
        }
        catch (YamlException ex)
        {
            var mark = IsTabIndentation(ex) ? IndentingTab(text, builder.LastLine) : new Mark((int)ex.Start.Line, (int)ex.Start.Column);
            builder.Fail(builder.Translate(mark), Describe(ex));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner throws these on some malformed inputs instead of a YamlException.
            builder.Fail(builder.LastMark, "invalid YAML: the parser could not continue here");
        }

        if (text.AsSpan().IndexOfAny(NonPrintable) is var index and >= 0)
        {
            // The character is the cause of any syntax error YamlDotNet reports at or after it (a NUL ends its scalar).
            var at = builder.Translate(MarkOfChar(text, index));
            if (!builder.Problems.Any(p => p.Kind == YamlProblemKind.Syntax && (p.Mark.Line, p.Mark.Column).CompareTo((at.Line, at.Column)) < 0))
            {
                builder.Problems.RemoveAll(p => p.Kind == YamlProblemKind.Syntax);
                builder.Problems.Add(new YamlProblem(YamlProblemKind.Syntax, at, $"invalid YAML: character U+{(int)text[index]:X4} is not printable, which YAML does not allow"));
            }
        }

        return new YamlStream(file, text, builder.Documents, builder.Problems);
    }

    private static Mark MarkOfChar(string text, int index)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1;
        return new Mark(text.AsSpan(0, index).Count('\n') + 1, index - lineStart + 1);
    }

    /// <summary>YamlDotNet reports a tab used as indentation without a position.</summary>
    private static bool IsTabIndentation(YamlException ex) => ex.Start.Line <= 1 && ex.Start.Column <= 1 && ex.Message.Contains("invalid tab as indentation", StringComparison.Ordinal);

    /// <summary>
    /// The first tab in the indentation of a line from <paramref name="fromLine"/> on (the last event the parser read),
    /// skipping the content of block scalars, where a tab is text; that line's start if none is found.
    /// </summary>
    private static Mark IndentingTab(string text, int fromLine)
    {
        var lines = text.Split('\n');
        int? blockParent = null;
        for (var line = 1; line <= lines.Length; line++)
        {
            var content = lines[line - 1].TrimEnd('\r');
            var spaces = content.Length - content.TrimStart(' ').Length;
            if (blockParent is { } parent && (content.Trim().Length == 0 || spaces > parent))
            {
                continue;
            }

            blockParent = BlockScalarHeader().IsMatch(content) ? spaces : null;
            var indentation = content.Length - content.TrimStart(' ', '\t').Length;
            if (line >= fromLine && content.IndexOf('\t', 0, indentation) is var tab and >= 0)
            {
                return new Mark(line, tab + 1);
            }
        }

        return new Mark(Math.Max(fromLine, 1), 1);
    }

    /// <summary>A line that starts a block scalar: it ends in <c>|</c> or <c>&gt;</c> with optional indicators (and a comment).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(^|[\s:-])[|>][-+]?[0-9]?[-+]?\s*(#.*)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex BlockScalarHeader();

    private static YamlStream Failed(string file, YamlProblem problem) => new(file, string.Empty, [], [problem]);

    private static Mark MarkOfByte(byte[] bytes, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new Mark(line, index - lineStart + 1);
    }

    private static string Describe(YamlException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        message = message.StartsWith('(') && cut > 0 ? message[(cut + 3)..] : message;
        return "invalid YAML: " + string.Join(' ', message.Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
    }

    private sealed class Frame(YamlNode node, string? anchor)
    {
        public YamlNode Node { get; } = node;

        public string? Anchor { get; } = anchor;

        public long Size { get; set; } = 1;

        public YamlScalar? PendingKey { get; set; }

        public HashSet<string>? Keys { get; set; }

        public List<YamlNode>? Merges { get; set; }
    }

    private sealed class TreeBuilder(string file, YamlLimits limits, Func<Mark, Mark> translate)
    {
        private const int SmallMapping = 16;

        private readonly Stack<Frame> _frames = new();
        private readonly Dictionary<string, (YamlNode Node, long Size)> _anchors = new(StringComparer.Ordinal);
        private long _expanded;
        private YamlNode? _root;
        private Mark _documentStart;

        public List<YamlDocument> Documents { get; } = [];

        public List<YamlProblem> Problems { get; } = [];

        public bool Stopped { get; private set; }

        public Mark LastMark { get; private set; } = new(1, 1);

        /// <summary>The line of the last event in the text parsed (before translation).</summary>
        public int LastLine { get; private set; } = 1;

        public void Fail(Mark mark, string message)
        {
            Problems.Add(new YamlProblem(YamlProblemKind.Syntax, mark.Or(LastMark), message));
            Stopped = true;
        }

        public Mark Translate(Mark mark) => translate(mark);

        public void Accept(ParsingEvent e)
        {
            LastMark = translate(ToMark(e.Start));
            LastLine = (int)e.Start.Line;
            switch (e)
            {
                case DocumentStart:
                    if (Documents.Count >= limits.MaxDocuments)
                    {
                        Limit(LastMark, $"more than {limits.MaxDocuments} documents in one stream");
                        return;
                    }

                    _root = null;
                    _anchors.Clear();
                    _frames.Clear();
                    _expanded = 0;
                    _documentStart = LastMark;
                    break;
                case DocumentEnd:
                    Documents.Add(new YamlDocument(file, Documents.Count, _root, _root?.Start ?? _documentStart));
                    break;
                case Scalar scalar:
                    AcceptScalar(scalar);
                    break;
                case MappingStart mapping:
                    Open(new YamlMapping(LastMark), mapping.Anchor);
                    break;
                case SequenceStart sequence:
                    Open(new YamlSequence(LastMark), sequence.Anchor);
                    break;
                case MappingEnd or SequenceEnd:
                    Close();
                    break;
                case AnchorAlias alias:
                    AcceptAlias(alias);
                    break;
            }
        }

        private void AcceptScalar(Scalar scalar)
        {
            var style = scalar.Style switch
            {
                CoreScalarStyle.SingleQuoted => ScalarStyle.SingleQuoted,
                CoreScalarStyle.DoubleQuoted => ScalarStyle.DoubleQuoted,
                CoreScalarStyle.Literal => ScalarStyle.Literal,
                CoreScalarStyle.Folded => ScalarStyle.Folded,
                _ => ScalarStyle.Plain,
            };
            var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
            var node = new YamlScalar(scalar.Value, ScalarResolver.Resolve(scalar.Value, style, tag), style, LastMark);
            Remember(scalar.Anchor, node, 1);
            Emit(node, 1);
        }

        private void AcceptAlias(AnchorAlias alias)
        {
            if (!_anchors.TryGetValue(alias.Value.Value, out var target))
            {
                Problems.Add(new YamlProblem(YamlProblemKind.Syntax, LastMark, $"invalid YAML: unknown alias \"*{alias.Value.Value}\""));
                Stopped = true;
                return;
            }

            _expanded += target.Size;
            if (_expanded > limits.MaxExpandedNodes)
            {
                Limit(LastMark, $"aliases expand this document to more than {limits.MaxExpandedNodes} nodes (a \"billion laughs\" document?)");
                return;
            }

            Emit(target.Node, target.Size);
        }

        private void Open(YamlNode node, AnchorName anchor)
        {
            if (_frames.Count + 1 > limits.MaxDepth)
            {
                Limit(LastMark, $"nesting deeper than {limits.MaxDepth} levels");
                return;
            }

            _frames.Push(new Frame(node, anchor.IsEmpty ? null : anchor.Value));
        }

        private void Close()
        {
            var frame = _frames.Pop();
            if (frame.Node is YamlMapping mapping && frame.Merges is { } merges)
            {
                ApplyMerges(mapping, frame, merges);
            }

            Remember(frame.Anchor is null ? AnchorName.Empty : new AnchorName(frame.Anchor), frame.Node, frame.Size);
            Emit(frame.Node, frame.Size);
        }

        private void Remember(AnchorName anchor, YamlNode node, long size)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = (node, size);
            }
        }

        private void Emit(YamlNode node, long size)
        {
            if (_frames.Count == 0)
            {
                _root = node;
                return;
            }

            var parent = _frames.Peek();
            parent.Size += size;
            switch (parent.Node)
            {
                case YamlSequence sequence:
                    sequence.Add(node);
                    break;
                case YamlMapping mapping when parent.PendingKey is null:
                    if (node is YamlScalar key)
                    {
                        parent.PendingKey = key;
                    }
                    else
                    {
                        Problems.Add(new YamlProblem(YamlProblemKind.Unsupported, node.Start, "a mapping or sequence used as a key is not supported by Kubernetes"));
                        parent.PendingKey = YamlScalar.String("<complex key>", node.Start);
                    }

                    break;
                case YamlMapping mapping:
                    AddEntry(mapping, parent, parent.PendingKey!, node);
                    parent.PendingKey = null;
                    break;
            }
        }

        private void AddEntry(YamlMapping mapping, Frame frame, YamlScalar key, YamlNode value)
        {
            if (key.Text == "<<" && key.Style == ScalarStyle.Plain)
            {
                (frame.Merges ??= []).Add(value);
                return;
            }

            if (IsNewKey(mapping, frame, key.Text))
            {
                mapping.Append(new YamlEntry(key, value));
                return;
            }

            Problems.Add(new YamlProblem(YamlProblemKind.DuplicateKey, key.Start, $"duplicate key \"{key.Text}\" in this mapping; the later value wins"));
            mapping.Set(key, value);
        }

        /// <summary>
        /// Whether a key is not yet in the mapping. Most mappings are small, so they are scanned; a set is built only
        /// once a mapping grows, which keeps reading huge mappings linear.
        /// </summary>
        private static bool IsNewKey(YamlMapping mapping, Frame frame, string key)
        {
            if (frame.Keys is null && mapping.Count < SmallMapping)
            {
                foreach (var entry in mapping.Entries)
                {
                    if (entry.Key.Text == key)
                    {
                        return false;
                    }
                }

                return true;
            }

            frame.Keys ??= new HashSet<string>(mapping.Entries.Select(e => e.Key.Text), StringComparer.Ordinal);
            return frame.Keys.Add(key);
        }

        private void ApplyMerges(YamlMapping mapping, Frame frame, List<YamlNode> merges)
        {
            foreach (var merge in merges)
            {
                IEnumerable<YamlNode> sources = merge is YamlSequence sequence ? sequence.Items : [merge];
                foreach (var source in sources)
                {
                    if (source is not YamlMapping from)
                    {
                        Problems.Add(new YamlProblem(YamlProblemKind.Unsupported, source.Start, "a merge key (<<) needs a mapping or a list of mappings"));
                        continue;
                    }

                    foreach (var entry in from.Entries)
                    {
                        if (IsNewKey(mapping, frame, entry.Key.Text))
                        {
                            mapping.Append(entry);
                        }
                    }
                }
            }
        }

        private void Limit(Mark mark, string message)
        {
            Problems.Add(new YamlProblem(YamlProblemKind.Limit, mark, message));
            Stopped = true;
        }

        private static Mark ToMark(YamlDotNet.Core.Mark mark) => new((int)Math.Min(mark.Line, int.MaxValue), (int)Math.Min(mark.Column, int.MaxValue));
    }
}
