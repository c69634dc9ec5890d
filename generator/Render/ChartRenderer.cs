using Generator.Blueprints;
using Generator.Model;
using Generator.Options;
using Generator.Yaml;

namespace Generator.Render;

/// <summary>
/// Writes the Helm chart from the stack's blueprint: one template per object, guards.yaml (the checks and the required
/// APIs), NOTES.txt, _helpers.tpl (the named values and fragments the templates include, and the yamlString helper),
/// Chart.yaml, .helmignore, values.yaml and values.schema.json from the options, and the tracing fix (and a user's
/// patched tracing.py) under files/.
/// </summary>
public static class ChartRenderer
{
    public const string ChartName = ToolInfo.Name;
    public const string Directory = "chart/" + ChartName;
    public const string KubeVersion = ">=1.25.0-0";

    public static IReadOnlyList<RenderedFile> Render(StackBlueprint stack, GeneratorOptions options, IReadOnlyDictionary<string, string> files)
    {
        var writer = new HelmTemplateWriter(ChartName);
        var chart = new List<RenderedFile>();
        foreach (var resource in stack.Resources)
        {
            chart.Add(new RenderedFile($"{Directory}/templates/{resource.Template}", writer.WriteResource(resource)));
        }

        chart.Add(new RenderedFile($"{Directory}/templates/guards.yaml",
            "{{- /* Renders no object: a failed check stops the install before anything is applied. */ -}}\n"
            + writer.WriteChecks(stack.Checks, stack.Apis, Stack.CapabilityChecks)));
        chart.Add(new RenderedFile($"{Directory}/templates/NOTES.txt", writer.WriteNotes(stack.Notes)));
        chart.Add(new RenderedFile($"{Directory}/templates/_helpers.tpl", writer.WriteHelpers(HelpersPreamble(writer))));
        chart.Add(new RenderedFile($"{Directory}/Chart.yaml", ChartYaml()));
        chart.Add(new RenderedFile($"{Directory}/.helmignore", "# Patterns ignored when packaging the chart.\n.DS_Store\n.git/\n*.swp\n*.bak\n*.tmp\n"));
        chart.Add(new RenderedFile($"{Directory}/values.yaml", ValuesFileWriter.Write(options)));
        chart.Add(new RenderedFile($"{Directory}/values.schema.json", OptionsSchemaGenerator.ValuesSchema()));
        foreach (var (name, content) in files)
        {
            chart.Add(new RenderedFile($"{Directory}/files/{name}", content));
        }

        return [.. chart.OrderBy(f => f.RelativePath, StringComparer.Ordinal)];
    }

    private static string HelpersPreamble(HelmTemplateWriter writer) =>
        "{{/*\nNamed values and fragments of the llamastack-tracing stack, written by the generator from the same description\n"
        + "as its raw manifests (generator/Model/); the parity tests prove with helm template that both render the same objects.\n*/}}\n\n"
        + PlainScalars.HelmHelper(writer.YamlStringHelper);

    private static string ChartYaml()
    {
        var chart = new YamlMapping
        {
            ["apiVersion"] = "v2",
            ["name"] = ChartName,
            ["description"] = "LlamaStack distributed tracing: OpenTelemetry Collector, Grafana Tempo with Jaeger UI, and the LlamaStack tracing fix.",
            ["type"] = "application",
            ["version"] = ToolInfo.Version,
            ["appVersion"] = ToolInfo.Version,
            ["kubeVersion"] = KubeVersion,
            ["keywords"] = new YamlSequence { "llamastack", "opentelemetry", "tempo", "jaeger", "tracing" },
            ["annotations"] = new YamlMapping { [ChartName + "/generated-by"] = ToolInfo.ManagedBy + " " + ToolInfo.Version },
        };
        return "# Rendered by the llamastack-tracing generator; change its options and render again instead of editing.\n" + YamlWriter.Write(chart);
    }
}
