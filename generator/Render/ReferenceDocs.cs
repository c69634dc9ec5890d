using System.Text;
using Generator.Findings;
using Generator.Lint;
using Generator.Options;
using Generator.Schemas;

namespace Generator.Render;

/// <summary>
/// Markdown reference tables generated from the same metadata the tool runs on (option records, rule catalog), and the
/// wiring picture of the default render, so the README cannot drift from the code; a test compares the README's
/// sections with these.
/// </summary>
public static class ReferenceDocs
{
    public static string OptionsTable()
    {
        var sb = new StringBuilder();
        sb.Append("| option | type | default | description |\n");
        sb.Append("|---|---|---|---|\n");
        AppendRecord(sb, typeof(GeneratorOptions), new GeneratorOptions(), string.Empty);
        return sb.ToString();
    }

    public static string RulesTable()
    {
        var sb = new StringBuilder();
        sb.Append("| rule | severity | what it catches |\n");
        sb.Append("|---|---|---|\n");
        foreach (var rule in RuleCatalog.All.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            sb.Append($"| `{rule.Id}` | {rule.DefaultSeverity.ToName()} | {Escape(rule.Summary)} |\n");
        }

        return sb.ToString();
    }

    /// <summary>The Mermaid block of <c>WIRING.md</c> as <c>render</c> writes it for the default options (checked as render checks).</summary>
    public static string WiringExample()
    {
        var lint = new LintRunner(new StructuralValidator(SchemaStore.BuiltIn, strictKinds: true), RuleCatalog.Rules);
        var result = RenderPipeline.Render(OptionsLoader.Load(null, []), streams => lint.Run(streams, LintConfig.Empty, Severity.Warning).Findings);
        var wiring = result.Files.Single(f => f.RelativePath == WiringDocument.FileName).Content;
        return wiring[wiring.IndexOf("```mermaid", StringComparison.Ordinal)..];
    }

    private static void AppendRecord(StringBuilder sb, Type type, object? defaults, string prefix)
    {
        foreach (var property in OptionProperty.Of(type))
        {
            var path = prefix + property.WireName;
            var value = defaults is null ? null : property.GetValue(defaults);
            if (property.IsRecord)
            {
                AppendRecord(sb, property.ValueType, value, path + ".");
                continue;
            }

            var itemType = property.ItemType;
            var typeName = itemType is not null && OptionProperty.IsRecordType(itemType)
                ? "list of {" + string.Join(", ", OptionProperty.Of(itemType).Select(p => p.WireName)) + "}"
                : TypeName(property.ValueType);
            var notes = property.GeneratorOnly ? " (generator only, not a chart value)" : string.Empty;
            sb.Append($"| `{path}` | {typeName} | {DefaultText(property, value)} | {Escape(property.Doc)}{notes} |\n");
        }
    }

    private static string DefaultText(OptionProperty property, object? value)
    {
        if (property.ProfileDefault is { } preset)
        {
            return string.Join(", ", preset.Groups().Select(g => $"{g.Profiles}: `{Show(g.Default)}`"));
        }

        return value switch
        {
            null => "unset",
            string text => $"`{Show(text)}`",
            bool flag => flag ? "`true`" : "`false`",
            Enum member => $"`{EnumNames.Wire(member)}`",
            System.Collections.IEnumerable items => "`" + Escape(Flow(OptionsSerializer.ToNode(items, valuesOnly: false))) + "`",
            _ => $"`{value}`",
        };
    }

    /// <summary>A one-line YAML flow form of a default value, for a table cell.</summary>
    private static string Flow(Yaml.YamlNode node) => node switch
    {
        Yaml.YamlSequence sequence => "[" + string.Join(", ", sequence.Items.Select(Flow)) + "]",
        Yaml.YamlMapping mapping => "{" + string.Join(", ", mapping.Entries.Select(e => $"{e.Key.Text}: {Flow(e.Value)}")) + "}",
        Yaml.YamlScalar scalar => Yaml.YamlWriter.FormatScalar(scalar),
        _ => string.Empty,
    };

    private static string TypeName(Type type)
    {
        if (type.IsEnum)
        {
            return string.Join(" \\| ", EnumNames.Of(type).Select(n => n.Wire));
        }

        return type == typeof(long) ? "integer" : type == typeof(bool) ? "boolean" : "string";
    }

    private static string Show(string value) => value.Length == 0 ? "\"\"" : value;

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
