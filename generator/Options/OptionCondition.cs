using System.Text.Json;
using System.Text.RegularExpressions;

namespace Generator.Options;

/// <summary>
/// A condition on option values that JSON Schema (draft-07) can state: the building block of <see cref="OptionRule"/>.
/// Paths are dotted option paths from the options root, or from a list item inside <see cref="Each"/>.
/// <para>
/// An absent option is judged as the reader of the document judges it: in an options file it takes its default (for
/// profile-decided options, the default profile's), in chart values it is what helm's templates see for a key that
/// <c>--set key=null</c> removed (empty, false, no items). So each leaf requires its keys only when the absent value
/// would not satisfy it, and the schema stays true for partial documents.
/// </para>
/// </summary>
public abstract record OptionCondition
{
    /// <summary>The option equals one of <paramref name="values"/> (strings, booleans or enum members).</summary>
    public static OptionCondition Is(string path, params object[] values) => new IsCondition(path, values);

    /// <summary>The option is a string matching <paramref name="regex"/> (unanchored, as JSON Schema's <c>pattern</c>).</summary>
    public static OptionCondition Matches(string path, string regex) => new MatchesCondition(path, regex);

    /// <summary>The option, a string or a list, is not empty.</summary>
    public static OptionCondition NonEmpty(string path) => new NonEmptyCondition(path);

    /// <summary>The option is given and not null (for options that are optional in a list item).</summary>
    public static OptionCondition Given(string path) => new GivenCondition(path);

    /// <summary>
    /// The condition does not hold. On a single option it is written at that option (<c>maxLength: 0</c> for "not
    /// non-empty", <c>not</c> below the key otherwise), so that helm's message points at the option.
    /// </summary>
    public static OptionCondition Not(OptionCondition condition) => condition is Leaf leaf ? leaf with { Negated = !leaf.Negated } : new NotCondition(condition);

    /// <summary>When <paramref name="condition"/> holds, <paramref name="then"/> must (for rules on each list item).</summary>
    public static OptionCondition Implies(OptionCondition condition, OptionCondition then) => new ImpliesCondition(condition, then);

    public static OptionCondition All(params OptionCondition[] conditions) => new CombinedCondition("allOf", conditions);

    public static OptionCondition Any(params OptionCondition[] conditions) => new CombinedCondition("anyOf", conditions);

    public static OptionCondition ExactlyOne(params OptionCondition[] conditions) => new CombinedCondition("oneOf", conditions);

    /// <summary>Every item of the list at <paramref name="listPath"/> satisfies <paramref name="item"/> (paths relative to the item).</summary>
    public static OptionCondition Each(string listPath, OptionCondition item) => new EachCondition(listPath, item);

    /// <summary>The option paths the condition reads, from the options root (list items as <c>list[*].key</c>).</summary>
    public abstract IEnumerable<string> Paths(string scope);

    /// <summary>Writes the condition's keywords into the schema object open in <paramref name="json"/>.</summary>
    internal abstract void Write(Utf8JsonWriter json, SchemaScope scope);

    private abstract record Leaf(string Path) : OptionCondition
    {
        public bool Negated { get; init; }

        public override IEnumerable<string> Paths(string scope) => [SchemaScope.Join(scope, Path)];

        /// <summary>Whether the condition, not negated, holds for a value (the absent value included).</summary>
        protected abstract bool Holds(object? value);

        protected abstract void WriteLeaf(Utf8JsonWriter json, OptionProperty property);

        protected virtual void WriteNegatedLeaf(Utf8JsonWriter json, OptionProperty property)
        {
            json.WriteStartObject("not");
            WriteLeaf(json, property);
            json.WriteEndObject();
        }

        internal sealed override void Write(Utf8JsonWriter json, SchemaScope scope)
        {
            var fullPath = scope.Full(Path);
            var requirePresence = Holds(scope.AbsentValue(fullPath)) == Negated;
            var property = OptionPath.Resolve(fullPath)[^1];
            WriteNested(json, scope.Keys(fullPath), 0, requirePresence, leaf =>
            {
                if (Negated)
                {
                    WriteNegatedLeaf(leaf, property);
                }
                else
                {
                    WriteLeaf(leaf, property);
                }
            });
        }

        private static void WriteNested(Utf8JsonWriter json, string[] keys, int index, bool requirePresence, Action<Utf8JsonWriter> leaf)
        {
            if (requirePresence)
            {
                json.WriteStartArray("required");
                json.WriteStringValue(keys[index]);
                json.WriteEndArray();
            }

            json.WriteStartObject("properties");
            json.WriteStartObject(keys[index]);
            if (index + 1 == keys.Length)
            {
                leaf(json);
            }
            else
            {
                WriteNested(json, keys, index + 1, requirePresence, leaf);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }
    }

    private sealed record IsCondition(string Path, object[] Values) : Leaf(Path)
    {
        protected override bool Holds(object? value) => value is not null && Values.Any(v => Equals(Wire(v), Wire(value)));

        protected override void WriteLeaf(Utf8JsonWriter json, OptionProperty property)
        {
            if (Values.Length == 1)
            {
                json.WritePropertyName("const");
                WriteValue(json, Values[0]);
                return;
            }

            json.WriteStartArray("enum");
            foreach (var value in Values)
            {
                WriteValue(json, value);
            }

            json.WriteEndArray();
        }

        private static object Wire(object value) => value is Enum ? EnumNames.Wire(value) : value;

        private static void WriteValue(Utf8JsonWriter json, object value)
        {
            switch (Wire(value))
            {
                case bool flag:
                    json.WriteBooleanValue(flag);
                    break;
                case string text:
                    json.WriteStringValue(text);
                    break;
                default:
                    throw new NotSupportedException($"an option rule compares with {value.GetType()}; use strings, booleans or enum members");
            }
        }
    }

    private sealed record MatchesCondition(string Path, string Regex) : Leaf(Path)
    {
        protected override bool Holds(object? value) => value is string text && System.Text.RegularExpressions.Regex.IsMatch(text, Regex, RegexOptions.CultureInvariant);

        protected override void WriteLeaf(Utf8JsonWriter json, OptionProperty property)
        {
            json.WriteString("type", "string");
            json.WriteString("pattern", Regex);
        }
    }

    private sealed record NonEmptyCondition(string Path) : Leaf(Path)
    {
        protected override bool Holds(object? value) => value switch
        {
            string text => text.Length > 0,
            System.Collections.IEnumerable items => items.Cast<object>().Any(),
            _ => false,
        };

        protected override void WriteLeaf(Utf8JsonWriter json, OptionProperty property)
        {
            var isList = property.ItemType is not null;
            json.WriteString("type", isList ? "array" : "string");
            json.WriteNumber(isList ? "minItems" : "minLength", 1);
        }

        protected override void WriteNegatedLeaf(Utf8JsonWriter json, OptionProperty property) =>
            json.WriteNumber(property.ItemType is not null ? "maxItems" : "maxLength", 0);
    }

    private sealed record GivenCondition(string Path) : Leaf(Path)
    {
        protected override bool Holds(object? value) => value is not null;

        protected override void WriteLeaf(Utf8JsonWriter json, OptionProperty property)
        {
            json.WriteStartObject("not");
            json.WriteString("type", "null");
            json.WriteEndObject();
        }

        protected override void WriteNegatedLeaf(Utf8JsonWriter json, OptionProperty property) => json.WriteString("type", "null");
    }

    private sealed record NotCondition(OptionCondition Inner) : OptionCondition
    {
        public override IEnumerable<string> Paths(string scope) => Inner.Paths(scope);

        internal override void Write(Utf8JsonWriter json, SchemaScope scope)
        {
            json.WriteStartObject("not");
            Inner.Write(json, scope);
            json.WriteEndObject();
        }
    }

    private sealed record ImpliesCondition(OptionCondition Condition, OptionCondition Then) : OptionCondition
    {
        public override IEnumerable<string> Paths(string scope) => Condition.Paths(scope).Concat(Then.Paths(scope));

        internal override void Write(Utf8JsonWriter json, SchemaScope scope)
        {
            json.WriteStartObject("if");
            Condition.Write(json, scope);
            json.WriteEndObject();
            json.WriteStartObject("then");
            Then.Write(json, scope);
            json.WriteEndObject();
        }
    }

    private sealed record CombinedCondition(string Keyword, OptionCondition[] Conditions) : OptionCondition
    {
        public override IEnumerable<string> Paths(string scope) => Conditions.SelectMany(c => c.Paths(scope));

        internal override void Write(Utf8JsonWriter json, SchemaScope scope)
        {
            json.WriteStartArray(Keyword);
            foreach (var condition in Conditions)
            {
                json.WriteStartObject();
                condition.Write(json, scope);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
    }

    private sealed record EachCondition(string ListPath, OptionCondition Item) : OptionCondition
    {
        public override IEnumerable<string> Paths(string scope) => Item.Paths(SchemaScope.Join(scope, ListPath) + OptionPath.AnyItem);

        internal override void Write(Utf8JsonWriter json, SchemaScope scope)
        {
            // An absent list has no items, so nothing along the way is required.
            var list = scope.Full(ListPath);
            var keys = scope.Keys(list);
            foreach (var key in keys)
            {
                json.WriteStartObject("properties");
                json.WriteStartObject(key);
            }

            json.WriteStartObject("items");
            var item = list + OptionPath.AnyItem;
            Item.Write(json, scope with { Prefix = item, WrittenAt = item });
            json.WriteEndObject();
            foreach (var _ in keys)
            {
                json.WriteEndObject();
                json.WriteEndObject();
            }
        }
    }
}

/// <summary>
/// Where a condition is written: the prefix its paths start from (a list item's inside <see cref="OptionCondition.Each"/>),
/// the option whose schema object it is written into, and whether that schema describes chart values.
/// </summary>
internal sealed record SchemaScope(string Prefix, string WrittenAt, bool ForValues)
{
    public string Full(string path) => Join(Prefix, path);

    /// <summary>The keys from the object written into down to the option at <paramref name="fullPath"/>.</summary>
    public string[] Keys(string fullPath) => (WrittenAt.Length == 0 ? fullPath : fullPath[(WrittenAt.Length + 1)..]).Split('.');

    /// <summary>The value an absent option counts as (see <see cref="OptionCondition"/>).</summary>
    public object? AbsentValue(string path) => ForValues ? OptionPath.Zero(OptionPath.Resolve(path)[^1]) : OptionPath.DefaultOf(path);

    public static string Join(string prefix, string path) => prefix.Length == 0 ? path : prefix + "." + path;
}
