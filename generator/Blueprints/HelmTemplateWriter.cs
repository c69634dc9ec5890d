using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Generator.Yaml;

namespace Generator.Blueprints;

/// <summary>
/// Writes blueprints as Helm template text: a template per object, and the named values and fragments they use as
/// <c>define</c>s for _helpers.tpl. The output reads like a hand-written chart: <c>.Values</c> references, <c>if</c> around
/// optional entries, <c>range</c> over list values, <c>include … | nindent</c> for fragments. Each expression means to helm
/// what <see cref="Evaluator"/> computes for the raw manifests (the chart parity tests prove it with the real helm).
/// A fragment written through <see cref="TextOf"/> renders byte for byte as <see cref="YamlWriter"/> writes its resolved
/// tree (string scalars through the chart's yamlString helper), because the collector config's checksum depends on it.
/// </summary>
public sealed class HelmTemplateWriter(string chart)
{
    /// <summary>The chart's helper that writes a string scalar as YamlWriter does (<see cref="PlainScalars.HelmHelper"/>).</summary>
    public string YamlStringHelper => chart + ".yamlString";

    private readonly SortedDictionary<string, string> _defines = new(StringComparer.Ordinal);

    private enum Mode
    {
        /// <summary>Object templates: what the API server reads must match; strings are quoted with <c>quote</c>.</summary>
        Manifest,

        /// <summary>A text document: every byte must match YamlWriter's.</summary>
        Exact,
    }

    /// <summary>Where the values and the current loop items are: <c>.</c> or <c>$</c> for the root, variables for items.</summary>
    private sealed record Scope(string Root, ImmutableDictionary<LoopItem, string> Items, int Depth)
    {
        public static readonly Scope Top = new(".", ImmutableDictionary<LoopItem, string>.Empty, 0);

        /// <summary>Inside <c>range</c>, <c>.</c> is the element: the root and a fragment's parameter are reached through <c>$</c>.</summary>
        public Scope Enter(LoopItem item, out string variable)
        {
            variable = Depth == 0 ? "$item" : "$item" + (Depth + 1).ToString(CultureInfo.InvariantCulture);
            var items = Items.ToImmutableDictionary(e => e.Key, e => e.Value == "." ? "$" : e.Value).Add(item, variable);
            return new Scope(Root.Length == 0 ? string.Empty : "$", items, Depth + 1);
        }

        public Scope Parameter(LoopItem parameter) => new("", Items.Add(parameter, "."), Depth);
    }

    /// <summary>The template of one object (wrapped in its condition, if any).</summary>
    public string WriteResource(Resource resource)
    {
        var lines = new List<string>();
        var body = new List<string>();
        EmitMap(resource.Body, 0, Scope.Top, Mode.Manifest, body);
        if (resource.When is { } when)
        {
            lines.Add($"{{{{- if {Condition(when, Scope.Top)} }}}}");
            lines.AddRange(body);
            lines.Add("{{- end }}");
        }
        else
        {
            lines.AddRange(body);
        }

        return string.Join('\n', lines) + "\n";
    }

    /// <summary>Text whose lines depend on conditions and hold expressions (NOTES.txt).</summary>
    public string WriteNotes(IReadOnlyList<NoteLine> notes)
    {
        var sb = new StringBuilder();
        Expr? open = null;
        foreach (var note in notes)
        {
            var when = note.When?.Expr;
            if (!ReferenceEquals(when, open))
            {
                if (open is not null)
                {
                    sb.Append("{{- end }}\n");
                }

                if (when is not null)
                {
                    sb.Append($"{{{{- if {Condition(when, Scope.Top)} }}}}\n");
                }

                open = when;
            }

            sb.Append(Interpolate(note.Text.Expr, Scope.Top)).Append('\n');
        }

        if (open is not null)
        {
            sb.Append("{{- end }}\n");
        }

        return sb.ToString();
    }

    /// <summary>Fails the render when a check is violated or the cluster lacks a required API.</summary>
    public string WriteChecks(IReadOnlyList<Check> checks, IReadOnlyList<ApiRequirement> apis, Flag checkApis)
    {
        var sb = new StringBuilder();
        sb.Append($"{{{{- if {Condition(checkApis.Expr, Scope.Top)} }}}}\n");
        foreach (var api in apis)
        {
            var gvk = api.ApiVersion + "/" + api.Kind;
            var message = $"the cluster does not serve {api.ApiVersion} {api.Kind}: install {api.Operator} first "
                + $"(helm template: pass --api-versions {gvk}, or --set chart.capabilityChecks=false to render offline)";
            var missing = $"not (.Capabilities.APIVersions.Has {GoString(gvk)})";
            sb.Append(api.When.Expr is Literal { Value: true }
                ? $"{{{{- if {missing} }}}}\n"
                : $"{{{{- if and {Truthy(api.When.Expr, Scope.Top)} ({missing}) }}}}\n");
            sb.Append($"{{{{- fail {GoString(message)} }}}}\n");
            sb.Append("{{- end }}\n");
        }

        sb.Append("{{- end }}\n");
        foreach (var check in checks)
        {
            sb.Append($"{{{{- if {Condition(check.Holds.Expr, Scope.Top)} }}}}\n");
            sb.Append($"{{{{- fail {Value(check.Message.Expr, Scope.Top)} }}}}\n");
            sb.Append("{{- end }}\n");
        }

        return sb.ToString();
    }

    /// <summary>Every define the written templates use, each under its description, in name order.</summary>
    public string WriteHelpers(string preamble) =>
        preamble + string.Concat(_defines.Values.Select(d => "\n" + d));

    private void EmitMap(Map map, int level, Scope scope, Mode mode, List<string> lines)
    {
        foreach (var entry in map.Entries)
        {
            if (entry.Loop is { } loop)
            {
                if (entry.When is not null)
                {
                    throw new InvalidOperationException("an entry per list item takes its condition from its Optional value");
                }

                var inner = scope.Enter(loop.Item, out var variable);
                lines.Add(Indent(level) + $"{{{{- range {variable} := {Bare(Value(loop.List, scope))} }}}}");
                EmitEntry(entry, level, inner, mode, lines);
                lines.Add(Indent(level) + "{{- end }}");
            }
            else if (entry.When is { } when and not InChart)
            {
                lines.Add(Indent(level) + $"{{{{- if {Condition(when, scope)} }}}}");
                EmitEntry(entry, level, scope, mode, lines);
                lines.Add(Indent(level) + "{{- end }}");
            }
            else
            {
                EmitEntry(entry, level, scope, mode, lines);
            }
        }
    }

    private void EmitEntry(MapEntry entry, int level, Scope scope, Mode mode, List<string> lines)
    {
        var key = Key(entry.Key, scope, mode);
        var indent = Indent(level);
        switch (entry.Value)
        {
            case Scalar scalar:
                lines.Add($"{indent}{key}: {Print(scalar.Value, scope, mode)}");
                break;
            case Text text when mode == Mode.Manifest:
                lines.Add($"{indent}{{{{- dict {Value(entry.Key, scope)} {Value(text.Value, scope)} | toYaml | nindent {level * 2} }}}}");
                break;
            case Text:
                throw new InvalidOperationException($"a multi-line text inside a text document: {key}");
            case Optional { Body: Include or Fragment } optional:
                lines.Add($"{indent}{{{{- with {IncludeCall(optional.Body, scope, mode)} }}}}");
                lines.Add($"{indent}{key}:");
                lines.Add($"{Indent(level + 1)}{{{{- . | nindent {(level + 1) * 2} }}}}");
                lines.Add($"{indent}{{{{- end }}}}");
                break;
            case Optional optional:
                if (Presence(optional.Body) is { } present && !Same(present, entry.When))
                {
                    lines.Add($"{indent}{{{{- if {Condition(present, scope)} }}}}");
                    EmitContainer(key, optional.Body, level, scope, mode, lines, alreadyKnown: present);
                    lines.Add($"{indent}{{{{- end }}}}");
                }
                else
                {
                    EmitContainer(key, optional.Body, level, scope, mode, lines, alreadyKnown: entry.When);
                }

                break;
            case Include or Fragment:
                lines.Add($"{indent}{key}:");
                lines.Add($"{Indent(level + 1)}{{{{- {IncludeCall(entry.Value, scope, mode)} | nindent {(level + 1) * 2} }}}}");
                break;
            default:
                EmitContainer(key, entry.Value, level, scope, mode, lines, alreadyKnown: entry.When);
                break;
        }
    }

    /// <summary>
    /// <c>key:</c> and a mapping or sequence under it. One that may come out empty is written as YamlWriter writes it:
    /// <c>key: {}</c> or <c>key: []</c>, unless the condition the entry already stands under is what fills it.
    /// </summary>
    private void EmitContainer(string key, Node value, int level, Scope scope, Mode mode, List<string> lines, Expr? alreadyKnown)
    {
        var indent = Indent(level);
        var (empty, emit) = value switch
        {
            Map map => ("{}", (Action)(() => EmitMap(map, level + 1, scope, mode, lines))),
            Seq seq => ("[]", () => EmitSeq(seq, level + 1, scope, mode, lines)),
            _ => throw new InvalidOperationException($"unexpected {value.GetType().Name} under {key}"),
        };
        var presence = Presence(value) is { } filled && !Same(filled, alreadyKnown) ? filled : null;
        if (presence is Literal { Value: false })
        {
            lines.Add($"{indent}{key}: {empty}");
            return;
        }

        lines.Add($"{indent}{key}:");
        if (presence is null)
        {
            emit();
            return;
        }

        lines.Add($"{Indent(level + 1)}{{{{- if {Condition(presence, scope)} }}}}");
        emit();
        lines.Add($"{Indent(level + 1)}{{{{- else }}}} {empty}");
        lines.Add($"{Indent(level + 1)}{{{{- end }}}}");
    }

    private void EmitSeq(Seq seq, int level, Scope scope, Mode mode, List<string> lines)
    {
        foreach (var item in seq.Items)
        {
            switch (item)
            {
                case One { When: { } when } one:
                    lines.Add(Indent(level) + $"{{{{- if {Condition(when, scope)} }}}}");
                    EmitItem(one.Value, level, scope, mode, lines);
                    lines.Add(Indent(level) + "{{- end }}");
                    break;
                case One one:
                    EmitItem(one.Value, level, scope, mode, lines);
                    break;
                case Each each:
                    var list = Value(each.List, scope);
                    var inner = scope.Enter(each.Item, out var variable);
                    lines.Add(Indent(level) + $"{{{{- range {variable} := {Bare(list)} }}}}");
                    EmitItem(each.Body, level, inner, mode, lines);
                    lines.Add(Indent(level) + "{{- end }}");
                    break;
            }
        }
    }

    private void EmitItem(Node node, int level, Scope scope, Mode mode, List<string> lines)
    {
        var indent = Indent(level);
        switch (node)
        {
            case Scalar scalar:
                lines.Add($"{indent}- {Print(scalar.Value, scope, mode)}");
                break;
            case Map { Entries.Count: 0 }:
                lines.Add($"{indent}- {{}}");
                break;
            case Map map:
                var entries = new List<string>();
                EmitMap(map, level + 1, scope, mode, entries);
                var nested = Indent(level + 1);
                if (!entries[0].StartsWith(nested + "{{", StringComparison.Ordinal))
                {
                    entries[0] = indent + "- " + entries[0][nested.Length..];
                }
                else
                {
                    lines.Add(indent + "-");
                }

                lines.AddRange(entries);
                break;
            case Seq seq:
                lines.Add(indent + "-");
                EmitSeq(seq, level + 1, scope, mode, lines);
                break;
            default:
                throw new InvalidOperationException($"a {node.GetType().Name} cannot be a sequence item");
        }
    }

    /// <summary>When a mapping or sequence has something in it: null when always, a false literal when never.</summary>
    private static Expr? Presence(Node node)
    {
        switch (node)
        {
            case Map map:
                var terms = new List<Expr>();
                foreach (var entry in map.Entries)
                {
                    if (entry.Loop is { } loop)
                    {
                        // Filled when the list has items, unless the value may come out empty per item: then only the
                        // author can tell (a condition on the entry holding this mapping).
                        if (entry.Value is Optional)
                        {
                            return null;
                        }

                        terms.Add(new HasItems(loop.List));
                        continue;
                    }

                    var inner = entry.Value is Optional optional ? Presence(optional.Body) : null;
                    Expr? term = (entry.When, inner) switch
                    {
                        (null, null) => null,
                        ({ } when, null) => when,
                        (null, { } present) => present,
                        ({ } when, { } present) => new AllOf([when, present]),
                    };
                    if (term is null)
                    {
                        return null;
                    }

                    terms.Add(term);
                }

                return terms.Any(t => terms.Any(u => u is Not not && Same(not.Term, t))) ? null
                    : terms.Count == 0 ? new Literal(false) : terms.Count == 1 ? terms[0] : new AnyOf(terms);
            case Seq seq:
                var items = new List<Expr>();
                foreach (var item in seq.Items)
                {
                    switch (item)
                    {
                        case One { When: null }:
                            return null;
                        case One one:
                            items.Add(one.When!);
                            break;
                        case Each each:
                            items.Add(new HasItems(each.List));
                            break;
                    }
                }

                return items.Count == 0 ? new Literal(false) : items.Count == 1 ? items[0] : new AnyOf(items);
            case Optional optional:
                return Presence(optional.Body);
            case Include or Fragment:
                throw new InvalidOperationException("a fragment's emptiness is only known to helm: wrap it in Optional");
            default:
                return null;
        }
    }

    /// <summary>Whether two conditions are the same expression (and/or compared term by term).</summary>
    private static bool Same(Expr? left, Expr? right) => (left, right) switch
    {
        (null, _) or (_, null) => false,
        (AnyOf a, AnyOf b) => a.Terms.Count == b.Terms.Count && a.Terms.Zip(b.Terms).All(t => Same(t.First, t.Second)),
        (AllOf a, AllOf b) => a.Terms.Count == b.Terms.Count && a.Terms.Zip(b.Terms).All(t => Same(t.First, t.Second)),
        (Not a, Not b) => Same(a.Term, b.Term),
        _ => left.Equals(right),
    };

    private string IncludeCall(Node node, Scope scope, Mode mode) => node switch
    {
        Fragment fragment => $"include {GoString(Define(fragment, mode))} {RootArgument(scope)}",
        Include include => $"include {GoString(Define(include.Fragment, mode))} {Bare(Value(include.Argument, scope))}",
        _ => throw new InvalidOperationException($"not a fragment: {node.GetType().Name}"),
    };

    /// <summary>Registers the define of a fragment (once) and returns its name; a document fragment is written byte-exact wherever it is used.</summary>
    private string Define(Fragment fragment, Mode mode)
    {
        mode = fragment.Exact ? Mode.Exact : mode;
        var name = $"{chart}.{fragment.Name}";
        if (_defines.ContainsKey(name))
        {
            return name;
        }

        _defines[name] = string.Empty; // claimed first: a fragment may include others
        var scope = fragment.Parameter is { } parameter ? Scope.Top.Parameter(parameter) : Scope.Top;
        var lines = new List<string>();
        switch (fragment.Body)
        {
            case Map map:
                EmitMap(map, 0, scope, mode, lines);
                break;
            case Seq seq:
                EmitSeq(seq, 0, scope, mode, lines);
                break;
            default:
                throw new InvalidOperationException($"fragment {fragment.Name} must be a mapping or a sequence");
        }

        var body = string.Join('\n', lines);
        _defines[name] = Comment(fragment.Description)
            + $"{{{{- define {GoString(name)} -}}}}\n{body}\n"
            + (mode == Mode.Exact ? "{{ end }}\n" : "{{- end }}\n");
        return name;
    }

    private string DefineNamed(Named named)
    {
        var name = $"{chart}.{named.Name}";
        if (_defines.ContainsKey(name))
        {
            return name;
        }

        _defines[name] = string.Empty;
        var body = named.Body switch
        {
            AnyItem any => AnyItemBody(any),
            JoinedField joined => JoinedBody(joined),
            Choice { Else: Choice } choice => ChoiceChainBody(choice),
            _ when named.Kind == ValueKind.Bool => $"{{{{- if {Condition(named.Body, Scope.Top)} }}}}true{{{{ end }}}}",
            _ => $"{{{{- {Bare(Value(named.Body, Scope.Top))} }}}}",
        };
        _defines[name] = Comment(named.Description) + $"{{{{- define {GoString(name)} -}}}}\n{body}\n{{{{- end }}}}\n";
        return name;
    }

    /// <summary>A choice among several values as the if / else if chain a person would write, not nested ternaries.</summary>
    private string ChoiceChainBody(Choice choice)
    {
        var sb = new StringBuilder();
        Expr rest = choice;
        var keyword = "if";
        while (rest is Choice branch)
        {
            sb.Append($"{{{{- {keyword} {Condition(branch.Condition, Scope.Top)} -}}}}\n{{{{ {Bare(Value(branch.Then, Scope.Top))} }}}}\n");
            keyword = "else if";
            rest = branch.Else;
        }

        if (rest is not Literal { Value: "" })
        {
            sb.Append($"{{{{- else -}}}}\n{{{{ {Bare(Value(rest, Scope.Top))} }}}}\n");
        }

        return sb.Append("{{- end -}}").ToString();
    }

    private string AnyItemBody(AnyItem any)
    {
        var inner = Scope.Top.Enter(any.Item, out var variable);
        return "{{- $found := false }}\n"
            + $"{{{{- range {variable} := {Bare(Value(any.List, Scope.Top))} }}}}\n"
            + $"{{{{- if {Condition(any.Condition, inner)} }}}}{{{{ $found = true }}}}{{{{ end }}}}\n"
            + "{{- end }}\n"
            + "{{- if $found }}true{{ end }}";
    }

    private string JoinedBody(JoinedField joined)
    {
        const string variable = "$item";
        return "{{- $values := list }}\n"
            + $"{{{{- range {variable} := {Bare(Value(joined.List, Scope.Top))} }}}}{{{{ $values = append $values (toString (get {variable} {GoString(joined.Field)})) }}}}{{{{ end }}}}\n"
            + $"{{{{- join {GoString(joined.Separator)} $values }}}}";
    }

    private static string Comment(string description) => $"{{{{/*\n{description}\n*/}}}}\n";

    /// <summary>A mapping key: fixed keys as YamlWriter writes them, derived ones printed.</summary>
    private string Key(Expr key, Scope scope, Mode mode) => key is Literal { Value: string text }
        ? YamlWriter.FormatString(text)
        : Print(key, scope, mode);

    /// <summary>A scalar after <c>key: </c> or <c>- </c>.</summary>
    private string Print(Expr expr, Scope scope, Mode mode)
    {
        if (expr is Literal literal)
        {
            return literal.Value switch
            {
                string text => YamlWriter.FormatString(text),
                bool flag => flag ? "true" : "false",
                _ => Convert.ToString(literal.Value, CultureInfo.InvariantCulture)!,
            };
        }

        return expr.Kind switch
        {
            ValueKind.String when mode == Mode.Exact => $"{{{{ include {GoString(YamlStringHelper)} {Value(expr, scope)} }}}}",
            ValueKind.String => $"{{{{ {Bare(Value(expr, scope))} | quote }}}}",
            ValueKind.Int when expr is ValueRef reference => $"{{{{ {Path(reference, scope)} | int64 }}}}",
            ValueKind.Int => $"{{{{ {Bare(Value(expr, scope))} }}}}",
            _ => expr is ValueRef ? $"{{{{ {Bare(Value(expr, scope))} }}}}" : $"{{{{ {Bare(Bool(expr, scope))} }}}}",
        };
    }

    /// <summary>A string expression inside free text (NOTES.txt): constants as they are, the rest as <c>{{ … }}</c>.</summary>
    private string Interpolate(Expr expr, Scope scope) => expr switch
    {
        Literal { Value: string text } => text,
        Concat concat => string.Concat(concat.Parts.Select(p => Interpolate(p, scope))),
        _ => $"{{{{ {Bare(Value(expr, scope))} }}}}",
    };

    /// <summary>An <c>if</c> condition: Go template truth where it reads better than a strict boolean.</summary>
    private string Condition(Expr expr, Scope scope) => Bare(Truthy(expr, scope));

    /// <summary>A pipeline whose truth is the condition (a non-empty value is true), for <c>if</c> and its operands.</summary>
    private string Truthy(Expr expr, Scope scope) => expr switch
    {
        Present present => Value(present.Value, scope),
        HasItems has => Value(has.List, scope),
        Not not => $"(not {Truthy(not.Term, scope)})",
        AllOf all => $"(and {string.Join(' ', all.Terms.Select(t => Truthy(t, scope)))})",
        AnyOf any => $"(or {string.Join(' ', any.Terms.Select(t => Truthy(t, scope)))})",
        Named { Kind: ValueKind.Bool } named => $"(include {GoString(DefineNamed(named))} {RootArgument(scope)})",
        _ => Bool(expr, scope),
    };

    /// <summary>A boolean expression that yields a real bool (for <c>ternary</c>, <c>and</c>, printing).</summary>
    private string Bool(Expr expr, Scope scope) => expr switch
    {
        Literal { Value: bool flag } => flag ? "true" : "false",
        InChart => "true",
        ValueRef => Value(expr, scope),
        Equal equal => $"(eq {Value(equal.Left, scope)} {Value(equal.Right, scope)})",
        AllOf all => $"(and {string.Join(' ', all.Terms.Select(t => Bool(t, scope)))})",
        AnyOf any => $"(or {string.Join(' ', any.Terms.Select(t => Bool(t, scope)))})",
        Not not => $"(not {Bool(not.Term, scope)})",
        Present present => $"(not (empty {Value(present.Value, scope)}))",
        HasItems has => $"(not (empty {Value(has.List, scope)}))",
        HasField has => $"(hasKey {scope.Items[has.Item]} {GoString(has.Field)})",
        OneOf oneOf => $"(has {Value(oneOf.Value, scope)} (list {string.Join(' ', oneOf.Options.Select(GoString))}))",
        RegexMatch match => $"(regexMatch {GoString(match.Pattern)} {Value(match.Text, scope)})",
        VersionBelow below => $"(semverCompare {GoString("<" + below.Bound)} (default \"0.0.0\" {Value(below.Version, scope)}))",
        Named named => $"(eq (include {GoString(DefineNamed(named))} {RootArgument(scope)}) \"true\")",
        AnyItem => throw new InvalidOperationException("a condition over list items must be a named value (it becomes a helper)"),
        _ => throw new InvalidOperationException($"not a boolean expression: {expr.GetType().Name}"),
    };

    /// <summary>Any expression as a parenthesised pipeline (or a bare operand).</summary>
    private string Value(Expr expr, Scope scope) => expr switch
    {
        Literal { Value: string text } => GoString(text),
        Literal literal => literal.Value is bool flag ? (flag ? "true" : "false") : Convert.ToString(literal.Value, CultureInfo.InvariantCulture)!,
        ValueRef reference => Reference(reference, scope),
        ReleaseName => RootPath(scope, "Release.Name"),
        ManagedBy => RootPath(scope, "Release.Service"),
        ChartLabel => $"(printf \"%s-%s\" {RootPath(scope, "Chart.Name")} {RootPath(scope, "Chart.Version")} | replace \"+\" \"_\" | trunc 63 | trimSuffix \"-\")",
        ChartFile file => $"({RootPath(scope, "Files.Get")} {GoString("files/" + file.Name)})",
        Concat concat => Printf(concat, scope),
        IntText text => $"(toString {Value(text.Value, scope)})",
        Choice choice => $"(ternary {Value(choice.Then, scope)} {Value(choice.Else, scope)} {Bool(choice.Condition, scope)})",
        Fallback fallback => $"(default {Value(fallback.Default, scope)} {Value(fallback.Value, scope)})",
        FirstItemField first => Typed($"(get (first {Value(first.List, scope)} | default dict) {GoString(first.Field)})", first.Type),
        RegexFind find => $"(regexFind {GoString(find.Pattern)} {Value(find.Text, scope)})",
        RegexReplace replace => $"(regexReplaceAllLiteral {GoString(replace.Pattern)} {Value(replace.Text, scope)} {GoString(replace.Replacement)})",
        Lower lower => $"(lower {Value(lower.Text, scope)})",
        TrimPrefix trim => $"(trimPrefix {GoString(trim.Prefix)} {Value(trim.Text, scope)})",
        TrimSuffix trim => $"(trimSuffix {GoString(trim.Suffix)} {Value(trim.Text, scope)})",
        TextOf text => $"(include {GoString(Define(text.Document, Mode.Exact))} {RootArgument(scope)})",
        Sha256 hash => $"(sha256sum {Value(hash.Text, scope)})",
        JoinedField => throw new InvalidOperationException("a join over list items must be a named value (it becomes a helper)"),
        Named { Kind: ValueKind.Bool } => Bool(expr, scope),
        Named named => Typed($"(include {GoString(DefineNamed(named))} {RootArgument(scope)})", named.Kind),
        _ when expr.Kind == ValueKind.Bool => Bool(expr, scope),
        _ => throw new InvalidOperationException($"cannot write {expr.GetType().Name} as a value"),
    };

    private static string Typed(string pipeline, ValueKind kind) => kind == ValueKind.Int ? $"(int64 {pipeline})" : pipeline;

    private static string Reference(ValueRef reference, Scope scope) =>
        reference.Type == ValueKind.Int ? $"(int64 {Path(reference, scope)})" : Path(reference, scope);

    private static string Path(ValueRef reference, Scope scope) => reference.Item is { } item
        ? (scope.Items.TryGetValue(item, out var variable) ? variable : throw new InvalidOperationException($"{reference.Path} read outside its loop"))
            + (variable == "." ? string.Empty : ".") + reference.Path
        : RootPath(scope, "Values." + reference.Path);

    private static string RootPath(Scope scope, string path) => scope.Root switch
    {
        "." => "." + path,
        "$" => "$." + path,
        _ => throw new InvalidOperationException($"a fragment with a parameter reads only its parameter, not {path}"),
    };

    private static string RootArgument(Scope scope) => scope.Root.Length > 0
        ? scope.Root
        : throw new InvalidOperationException("a fragment with a parameter cannot use named values of the chart");

    /// <summary>A concatenation as printf: the constant parts in the format, the rest as %s/%d arguments.</summary>
    private string Printf(Concat concat, Scope scope)
    {
        var format = new StringBuilder();
        var arguments = new List<string>();
        foreach (var part in concat.Parts)
        {
            switch (part)
            {
                case Literal { Value: string text }:
                    format.Append(text.Replace("%", "%%", StringComparison.Ordinal));
                    break;
                case IntText number:
                    format.Append("%d");
                    arguments.Add(Value(number.Value, scope));
                    break;
                default:
                    format.Append("%s");
                    arguments.Add(Value(part, scope));
                    break;
            }
        }

        return arguments.Count == 0
            ? GoString(format.ToString().Replace("%%", "%", StringComparison.Ordinal))
            : $"(printf {GoString(format.ToString())} {string.Join(' ', arguments)})";
    }

    /// <summary>A pipeline without its outer parentheses, for the top of <c>{{ }}</c>.</summary>
    private static string Bare(string pipeline) =>
        pipeline.Length > 1 && pipeline[0] == '(' && pipeline[^1] == ')' && Balanced(pipeline[1..^1]) ? pipeline[1..^1] : pipeline;

    private static bool Balanced(string text)
    {
        var depth = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case '(':
                    depth++;
                    break;
                case ')' when --depth < 0:
                    return false;
            }
        }

        return depth == 0;
    }

    private static string Indent(int level) => new(' ', level * 2);

    /// <summary>A Go string literal: <see cref="YamlWriter.Quote"/> writes Go's <c>strconv.Quote</c> form.</summary>
    private static string GoString(string text) => YamlWriter.Quote(text);
}
