using System.Collections;

namespace Generator.Blueprints;

/// <summary>
/// A piece of a Kubernetes object as a blueprint: mappings whose entries may depend on a condition, sequences whose items
/// may depend on a condition or repeat over a list value, scalars holding <see cref="Expr"/>s, and named fragments. One
/// blueprint per object gives both the raw manifest (resolved against the options) and the chart's template.
/// </summary>
public abstract class Node
{
    public static implicit operator Node(Str value) => new Scalar(value.Expr);

    public static implicit operator Node(Int value) => new Scalar(value.Expr);

    public static implicit operator Node(Flag value) => new Scalar(value.Expr);

    public static implicit operator Node(string value) => new Scalar(new Literal(value));

    public static implicit operator Node(long value) => new Scalar(new Literal(value));

    public static implicit operator Node(int value) => new Scalar(new Literal((long)value));

    public static implicit operator Node(bool value) => new Scalar(new Literal(value));
}

/// <summary>One value on one line (a string, number or boolean).</summary>
public sealed class Scalar(Expr value) : Node
{
    public Expr Value { get; } = value;
}

/// <summary>A string that may span lines (a file's content, a config document): the chart writes it as a block.</summary>
public sealed class Text(Str value) : Node
{
    public Expr Value { get; } = value.Expr;
}

/// <summary>A mapping entry: its key, its value, and when it is there (null: always); with <see cref="Loop"/>, one entry per item of a list value.</summary>
public sealed record MapEntry(Expr Key, Node Value, Expr? When, MapLoop? Loop = null);

/// <summary>The list value a mapping entry repeats over, and the variable its key and value read the item through.</summary>
public sealed record MapLoop(ValueRef List, LoopItem Item);

/// <summary>
/// A mapping, built with a collection initializer: <c>{ "key", value }</c>, <c>{ condition, "key", value }</c>, or an
/// entry per item of a list value, <c>{ list, item =&gt; key, item =&gt; value }</c> (an <see cref="Optional"/> value
/// leaves out the items whose value comes out empty).
/// </summary>
public sealed class Map : Node, IEnumerable<MapEntry>
{
    private readonly List<MapEntry> _entries = [];

    public IReadOnlyList<MapEntry> Entries => _entries;

    public void Add(string key, Node value) => _entries.Add(new MapEntry(new Literal(key), value, null));

    public void Add(Str key, Node value) => _entries.Add(new MapEntry(key.Expr, value, null));

    public void Add(Flag when, string key, Node value) => _entries.Add(new MapEntry(new Literal(key), value, when.Expr));

    public void Add(Flag when, Str key, Node value) => _entries.Add(new MapEntry(key.Expr, value, when.Expr));

    public void Add(ListValue list, Func<Item, Str> key, Func<Item, Node> value)
    {
        var item = Item.Next();
        _entries.Add(new MapEntry(key(item).Expr, value(item), null, new MapLoop(list.Ref, item.Loop)));
    }

    public IEnumerator<MapEntry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>An item of a sequence: one node, possibly conditional, or a node for each item of a list value.</summary>
public abstract record SeqItem;

public sealed record One(Node Value, Expr? When) : SeqItem;

public sealed record Each(ValueRef List, LoopItem Item, Node Body) : SeqItem;

/// <summary>A sequence, built with a collection initializer: <c>{ node }</c>, <c>{ condition, node }</c>, <c>{ list, item =&gt; node }</c>.</summary>
public sealed class Seq : Node, IEnumerable<SeqItem>
{
    private readonly List<SeqItem> _items = [];

    public IReadOnlyList<SeqItem> Items => _items;

    public void Add(Node value) => _items.Add(new One(value, null));

    public void Add(Flag when, Node value) => _items.Add(new One(value, when.Expr));

    public void Add(ListValue list, Func<Item, Node> body)
    {
        var item = Item.Next();
        _items.Add(new Each(list.Ref, item.Loop, body(item)));
    }

    /// <summary>Strings, one item each.</summary>
    public static Seq Of(IEnumerable<Str> values)
    {
        var seq = new Seq();
        foreach (var value in values)
        {
            seq.Add(value);
        }

        return seq;
    }

    public static Seq Of(params string[] values) => Of(values.Select(v => (Str)v));

    public IEnumerator<SeqItem> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// A named piece of YAML: inline in the raw manifests, a <c>define</c> in the chart's _helpers.tpl that templates include
/// (the labels, a resources block, the collector config). With a parameter, its body reads the fields of the value it is
/// given (<see cref="Include"/>'s argument) instead of the chart values.
/// </summary>
public sealed class Fragment : Node
{
    private Fragment(string name, string description, LoopItem? parameter, Node body, bool exact = false)
    {
        Name = name;
        Description = description;
        Parameter = parameter;
        Body = body;
        Exact = exact;
    }

    public string Name { get; }

    public string Description { get; }

    public LoopItem? Parameter { get; }

    public Node Body { get; }

    /// <summary>
    /// Whether the chart writes it byte for byte as the manifest writer writes it, wherever it is used: a document whose
    /// text is hashed (<see cref="TextOf"/>) and may also stand as an object's field.
    /// </summary>
    public bool Exact { get; }

    /// <summary>A fragment of the chart values (no parameter).</summary>
    public static Fragment Of(string name, string description, Node body) => new(name, description, null, body);

    /// <summary>A fragment of the chart values whose YAML text the chart writes byte-exact (see <see cref="Exact"/>).</summary>
    public static Fragment Document(string name, string description, Node body) => new(name, description, null, body, exact: true);

    /// <summary>A fragment that reads the fields of the value it is included with.</summary>
    public static Fragment Over(string name, string description, Func<Item, Node> body)
    {
        var parameter = Item.Next();
        return new(name, description, parameter.Loop, body(parameter));
    }

    /// <summary>This fragment with the value at <paramref name="path"/> as its parameter.</summary>
    public Include With(string path) => Parameter is null
        ? throw new InvalidOperationException($"fragment {Name} takes no parameter")
        : new Include(this, new ValueRef(path, ValueKind.String));
}

/// <summary>A fragment with its parameter bound to a chart value.</summary>
public sealed class Include(Fragment fragment, ValueRef argument) : Node
{
    public Fragment Fragment { get; } = fragment;

    public ValueRef Argument { get; } = argument;
}

/// <summary>A mapping or sequence (or an include of one) whose entry is left out altogether when it comes out empty.</summary>
public sealed class Optional(Node body) : Node
{
    public Node Body { get; } = body;
}
