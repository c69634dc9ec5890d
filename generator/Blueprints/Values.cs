namespace Generator.Blueprints;

/// <summary>A string-valued expression, for writing blueprints with the compiler's help.</summary>
public readonly record struct Str(Expr Expr)
{
    public static implicit operator Str(string value) => new(new Literal(value));

    /// <summary>Concatenation; adjacent constant parts are joined, so the chart's printf formats read naturally.</summary>
    public static Str operator +(Str left, Str right)
    {
        var parts = new List<Expr>();
        foreach (var part in Parts(left.Expr).Concat(Parts(right.Expr)))
        {
            if (part is Literal { Value: string text } && parts.Count > 0 && parts[^1] is Literal { Value: string previous })
            {
                parts[^1] = new Literal(previous + text);
            }
            else
            {
                parts.Add(part);
            }
        }

        return new(parts.Count == 1 ? parts[0] : new Concat(parts));
    }

    public Flag Is(Str other) => new(new Equal(Expr, other.Expr));

    public Flag IsNot(Str other) => !Is(other);

    public Flag IsOneOf(params string[] options) => new(new OneOf(Expr, options));

    /// <summary>Non-empty.</summary>
    public Flag Present => new(new Present(Expr));

    public Flag IsEmpty => !Present;

    /// <summary>This value, or <paramref name="fallback"/> when it is empty.</summary>
    public Str Or(Str fallback) => new(new Fallback(Expr, fallback.Expr));

    public Str Lower() => new(new Lower(Expr));

    public Str TrimPrefix(string prefix) => new(new TrimPrefix(Expr, prefix));

    public Str TrimSuffix(string suffix) => new(new TrimSuffix(Expr, suffix));

    public Str Find(string pattern) => new(new RegexFind(pattern, Expr));

    public Flag Matches(string pattern) => new(new RegexMatch(pattern, Expr));

    public Str Replace(string pattern, string replacement) => new(new RegexReplace(pattern, Expr, replacement));

    public Str Named(string name, string description) => new(new Named(name, description, Expr));

    private static IEnumerable<Expr> Parts(Expr expr) => expr is Concat concat ? concat.Parts : [expr];
}

/// <summary>An integer-valued expression.</summary>
public readonly record struct Int(Expr Expr)
{
    public static implicit operator Int(long value) => new(new Literal(value));

    public static implicit operator Int(int value) => new(new Literal((long)value));

    public Str Text => Expr is Literal { Value: long number }
        ? new(new Literal(number.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        : new(new IntText(Expr));

    public Flag Is(Int other) => new(new Equal(Expr, other.Expr));

    public Flag Positive => new(new Present(Expr));
}

/// <summary>A boolean expression.</summary>
public readonly record struct Flag(Expr Expr)
{
    public static implicit operator Flag(bool value) => new(new Literal(value));

    public static Flag operator &(Flag left, Flag right) => new(new AllOf([.. Terms<AllOf>(left.Expr), .. Terms<AllOf>(right.Expr)]));

    public static Flag operator |(Flag left, Flag right) => new(new AnyOf([.. Terms<AnyOf>(left.Expr), .. Terms<AnyOf>(right.Expr)]));

    public static Flag operator !(Flag flag) => flag.Expr is Not not ? new(not.Term) : new(new Not(flag.Expr));

    /// <summary>Needed for <c>&amp;&amp;</c> and <c>||</c>; a blueprint is not evaluated while it is built, so these never short-circuit.</summary>
    public static bool operator true(Flag flag) => false;

    public static bool operator false(Flag flag) => false;

    public Str Then(Str yes, Str no) => new(new Choice(Expr, yes.Expr, no.Expr));

    public Int Then(Int yes, Int no) => new(new Choice(Expr, yes.Expr, no.Expr));

    public Flag Named(string name, string description) => new(new Named(name, description, Expr));

    private static IEnumerable<Expr> Terms<T>(Expr expr) where T : Expr => expr switch
    {
        AllOf all when typeof(T) == typeof(AllOf) => all.Terms,
        AnyOf any when typeof(T) == typeof(AnyOf) => any.Terms,
        _ => [expr],
    };
}

/// <summary>A list value (of records) from the options, read item by item in loops.</summary>
public readonly record struct ListValue(ValueRef Ref)
{
    public Flag HasItems => new(new HasItems(Ref));

    public Str FirstString(string field) => new(new FirstItemField(Ref, field, ValueKind.String));

    /// <summary>A string field of every item, joined with <paramref name="separator"/>.</summary>
    public Str Joined(string field, string separator) => new(new JoinedField(Ref, field, separator));

    /// <summary>Whether any item satisfies <paramref name="condition"/>.</summary>
    public Flag Any(Func<Item, Flag> condition)
    {
        var item = Item.Next();
        return new(new AnyItem(Ref, item.Loop, condition(item).Expr));
    }
}

/// <summary>The current item of a loop: its fields as values.</summary>
public readonly record struct Item(LoopItem Loop)
{
    public static Item Next() => new(new LoopItem());

    public Str Str(string field) => new(new ValueRef(field, ValueKind.String, Loop));

    public Int Int(string field) => new(new ValueRef(field, ValueKind.Int, Loop));

    /// <summary>Whether the item has this field set at all (a list item of optional fields).</summary>
    public Flag Has(string field) => new(new HasField(Loop, field));
}

/// <summary>References to chart values by path; the tests check every path against the options.</summary>
public static class V
{
    public static Str Str(string path) => new(new ValueRef(path, ValueKind.String));

    public static Int Int(string path) => new(new ValueRef(path, ValueKind.Int));

    public static Flag Flag(string path) => new(new ValueRef(path, ValueKind.Bool));

    public static ListValue List(string path) => new(new ValueRef(path, ValueKind.String));

    public static Str Release => new(new ReleaseName());

    public static Str File(string name) => new(new ChartFile(name));

    public static Str ManagedBy => new(new ManagedBy());

    public static Str ChartLabel => new(new ChartLabel());

    public static Flag InChart => new(new InChart());
}
