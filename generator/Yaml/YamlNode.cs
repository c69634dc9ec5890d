namespace Generator.Yaml;

/// <summary>
/// A YAML node with the position it was read from. One tree per document is shared by validation and every lint rule,
/// so positions are kept on the nodes themselves rather than looked up again later.
/// </summary>
public abstract class YamlNode
{
    protected YamlNode(Mark start) => Start = start;

    /// <summary>Where the node starts in its source (the key's value, the dash's item, the scalar's first character).</summary>
    public Mark Start { get; }

    /// <summary>A short type name for messages: "string", "integer", "number", "boolean", "null", "object", "array".</summary>
    public abstract string TypeName { get; }

    public static implicit operator YamlNode(string value) => YamlScalar.String(value);

    public static implicit operator YamlNode(long value) => YamlScalar.Integer(value);

    public static implicit operator YamlNode(bool value) => YamlScalar.Boolean(value);
}

/// <summary>How a scalar resolved (YAML 1.1 rules as used by sigs.k8s.io/yaml, i.e. what kubectl and the API server see).</summary>
public enum ScalarKind
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
}

public enum ScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

public sealed class YamlScalar : YamlNode
{
    public YamlScalar(string text, ScalarKind kind, ScalarStyle style, Mark start) : base(start)
    {
        Text = text;
        Kind = kind;
        Style = style;
    }

    /// <summary>The scalar's text after YAML unescaping (for plain scalars, the literal token).</summary>
    public string Text { get; }

    public ScalarKind Kind { get; }

    public ScalarStyle Style { get; }

    public override string TypeName => Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Boolean => "boolean",
        ScalarKind.Integer => "integer",
        ScalarKind.Float => "number",
        _ => "string",
    };

    public bool IsNull => Kind == ScalarKind.Null;

    public bool? AsBoolean() => Kind == ScalarKind.Boolean ? ScalarResolver.ParseBoolean(Text) : null;

    public long? AsInteger() => Kind == ScalarKind.Integer ? ScalarResolver.ParseInteger(Text) : null;

    /// <summary>The numeric value of an integer or float scalar.</summary>
    public double? AsNumber() => Kind switch
    {
        ScalarKind.Integer => ScalarResolver.ParseInteger(Text),
        ScalarKind.Float => ScalarResolver.ParseFloat(Text),
        _ => null,
    };

    public static YamlScalar String(string value, Mark start = default) => new(value, ScalarKind.String, ScalarStyle.Plain, start);

    public static YamlScalar Integer(long value, Mark start = default) =>
        new(value.ToString(System.Globalization.CultureInfo.InvariantCulture), ScalarKind.Integer, ScalarStyle.Plain, start);

    public static YamlScalar Boolean(bool value, Mark start = default) => new(value ? "true" : "false", ScalarKind.Boolean, ScalarStyle.Plain, start);

    public static YamlScalar Null(Mark start = default) => new("null", ScalarKind.Null, ScalarStyle.Plain, start);

    public override string ToString() => Text;
}

public sealed class YamlSequence : YamlNode, IEnumerable<YamlNode>
{
    private readonly List<YamlNode> _items = [];

    public YamlSequence(Mark start = default) : base(start)
    {
    }

    public YamlSequence(IEnumerable<YamlNode> items, Mark start = default) : base(start) => _items.AddRange(items);

    public IReadOnlyList<YamlNode> Items => _items;

    public int Count => _items.Count;

    public YamlNode this[int index] => _items[index];

    public override string TypeName => "array";

    public void Add(YamlNode item) => _items.Add(item);

    public IEnumerator<YamlNode> GetEnumerator() => _items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>One key of a mapping with its value; the key keeps its own position (findings about a field point at the key).</summary>
public sealed record YamlEntry(YamlScalar Key, YamlNode Value);

public sealed class YamlMapping : YamlNode, IEnumerable<YamlEntry>
{
    private readonly List<YamlEntry> _entries = [];

    public YamlMapping(Mark start = default) : base(start)
    {
    }

    public IReadOnlyList<YamlEntry> Entries => _entries;

    public int Count => _entries.Count;

    public override string TypeName => "object";

    /// <summary>Sets a key: replaces the value of an existing key in place (keeping its position in the order) or appends.</summary>
    public YamlNode? this[string key]
    {
        get => Find(key)?.Value;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            Set(YamlScalar.String(key), value);
        }
    }

    public void Add(string key, YamlNode value) => Set(YamlScalar.String(key), value);

    public void Set(YamlScalar key, YamlNode value)
    {
        var index = _entries.FindIndex(e => e.Key.Text == key.Text);
        if (index >= 0)
        {
            _entries[index] = new YamlEntry(key, value);
        }
        else
        {
            _entries.Add(new YamlEntry(key, value));
        }
    }

    /// <summary>Appends a key known to be new (the reader checks duplicates itself; this keeps reading linear).</summary>
    internal void Append(YamlEntry entry) => _entries.Add(entry);

    public YamlEntry? Find(string key)
    {
        foreach (var entry in _entries)
        {
            if (entry.Key.Text == key)
            {
                return entry;
            }
        }

        return null;
    }

    public bool ContainsKey(string key) => Find(key) is not null;

    public YamlMapping? GetMapping(string key) => this[key] as YamlMapping;

    public YamlSequence? GetSequence(string key) => this[key] as YamlSequence;

    public YamlScalar? GetScalar(string key) => this[key] as YamlScalar;

    /// <summary>The text of a scalar value that is not null, or null when absent, null or not a scalar.</summary>
    public string? GetString(string key) => this[key] is YamlScalar { IsNull: false } s ? s.Text : null;

    public IEnumerator<YamlEntry> GetEnumerator() => _entries.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
