namespace Generator.Blueprints;

/// <summary>What a value is once evaluated; decides how both writers print it (a quoted string, an integer, a boolean).</summary>
public enum ValueKind
{
    String,
    Int,
    Bool,
}

/// <summary>
/// A value in a blueprint: a constant, a reference to a chart value (<c>collector.replicas</c>), or a derivation from
/// others. The manifest writer evaluates it against the options (<see cref="Evaluator"/>); the chart writer prints it as a
/// Helm template expression (<see cref="HelmTemplateWriter"/>). Both read this one definition, so a derived name, port or
/// condition is written once. Authors use the typed wrappers <see cref="Str"/>, <see cref="Int"/> and <see cref="Flag"/>.
/// </summary>
public abstract record Expr(ValueKind Kind);

/// <summary>A constant string, long or bool.</summary>
public sealed record Literal(object Value) : Expr(Value switch
{
    string => ValueKind.String,
    long => ValueKind.Int,
    bool => ValueKind.Bool,
    _ => throw new ArgumentException($"a literal is a string, long or bool, not {Value.GetType().Name}", nameof(Value)),
});

/// <summary>A chart value by its dotted path (<c>collector.image.tag</c>), or a field of the current item of a loop.</summary>
public sealed record ValueRef(string Path, ValueKind Type, LoopItem? Item = null) : Expr(Type);

/// <summary>The release's name: the chart's <c>.Release.Name</c>, the raw manifests' <c>instance</c> option.</summary>
public sealed record ReleaseName() : Expr(ValueKind.String);

/// <summary>Who manages the objects: the chart's <c>.Release.Service</c> (Helm), the generator in the raw manifests.</summary>
public sealed record ManagedBy() : Expr(ValueKind.String);

/// <summary>Helm's chart label value (<c>&lt;chart&gt;-&lt;version&gt;</c>); only ever written in the chart.</summary>
public sealed record ChartLabel() : Expr(ValueKind.String);

/// <summary>True in the chart, false in the raw manifests: for what only a Helm release has (the helm.sh/chart label).</summary>
public sealed record InChart() : Expr(ValueKind.Bool);

/// <summary>The content of a file the chart ships under files/ (the raw manifests carry it inline).</summary>
public sealed record ChartFile(string Name) : Expr(ValueKind.String);

public sealed record Concat(IReadOnlyList<Expr> Parts) : Expr(ValueKind.String);

/// <summary>An integer written as decimal text.</summary>
public sealed record IntText(Expr Value) : Expr(ValueKind.String);

public sealed record Choice(Expr Condition, Expr Then, Expr Else) : Expr(Then.Kind);

public sealed record Equal(Expr Left, Expr Right) : Expr(ValueKind.Bool);

public sealed record AllOf(IReadOnlyList<Expr> Terms) : Expr(ValueKind.Bool);

public sealed record AnyOf(IReadOnlyList<Expr> Terms) : Expr(ValueKind.Bool);

public sealed record Not(Expr Term) : Expr(ValueKind.Bool);

/// <summary>True for a non-empty string or list, a true flag, a non-zero number (Go templates' truth).</summary>
public sealed record Present(Expr Value) : Expr(ValueKind.Bool);

/// <summary>Whether a list value has items.</summary>
public sealed record HasItems(ValueRef List) : Expr(ValueKind.Bool);

/// <summary>The value, or <paramref name="Default"/> when it is empty (Helm's <c>default</c>).</summary>
public sealed record Fallback(Expr Value, Expr Default) : Expr(Value.Kind);

/// <summary>A field of the first item of a list value.</summary>
public sealed record FirstItemField(ValueRef List, string Field, ValueKind Type) : Expr(Type);

/// <summary>Whether any item of a list value satisfies a condition on the item.</summary>
public sealed record AnyItem(ValueRef List, LoopItem Item, Expr Condition) : Expr(ValueKind.Bool);

/// <summary>A string field of every item of a list value, joined with a separator.</summary>
public sealed record JoinedField(ValueRef List, string Field, string Separator) : Expr(ValueKind.String);

/// <summary>Whether the value is one of a fixed set of strings.</summary>
public sealed record OneOf(Expr Value, IReadOnlyList<string> Options) : Expr(ValueKind.Bool);

/// <summary>The first match of an RE2-compatible pattern (empty when none): Go's and .NET's engines agree on the patterns used.</summary>
public sealed record RegexFind(string Pattern, Expr Text) : Expr(ValueKind.String);

public sealed record RegexMatch(string Pattern, Expr Text) : Expr(ValueKind.Bool);

/// <summary>Every match of a pattern replaced (Go's <c>regexReplaceAll</c>: the replacement is literal here).</summary>
public sealed record RegexReplace(string Pattern, Expr Text, string Replacement) : Expr(ValueKind.String);

public sealed record Lower(Expr Text) : Expr(ValueKind.String);

public sealed record TrimPrefix(Expr Text, string Prefix) : Expr(ValueKind.String);

public sealed record TrimSuffix(Expr Text, string Suffix) : Expr(ValueKind.String);

/// <summary>Whether a release version (x.y.z; empty counts as 0.0.0) is older than <paramref name="Bound"/> (Helm's <c>semverCompare "&lt;x.y.z"</c>).</summary>
public sealed record VersionBelow(Expr Version, string Bound) : Expr(ValueKind.Bool);

/// <summary>The YAML text of a fragment, byte for byte as the manifest writer writes it.</summary>
public sealed record TextOf(Fragment Document) : Expr(ValueKind.String);

public sealed record Sha256(Expr Text) : Expr(ValueKind.String);

/// <summary>
/// A derived value with a name: inline in the raw manifests, a <c>define</c> in the chart's _helpers.tpl that the templates
/// <c>include</c>, so the chart reads like a hand-written one. Only at the top scope (it sees the values, not loop items).
/// </summary>
public sealed record Named(string Name, string Description, Expr Body) : Expr(Body.Kind);

/// <summary>Whether the current item of a loop has a field at all (Helm's <c>hasKey</c>).</summary>
public sealed record HasField(LoopItem Item, string Field) : Expr(ValueKind.Bool);

/// <summary>
/// The variable of a loop over a list value; item fields are read through it. Compared by identity: the chart writer
/// names the variables by nesting, so the same blueprint always prints the same template.
/// </summary>
public sealed class LoopItem;
