using Generator.Model;
using Generator.Options;
using Generator.Resources;
using Scriban;
using Scriban.Runtime;

namespace Generator.Render;

/// <summary>
/// Renders the Helm chart: Scriban templates (<c>*.sbn</c> under templates/chart) get the chart metadata and the shared
/// facts; Helm templates are copied as they are; values.yaml and values.schema.json come from the options; the tracing
/// fix (and a user's patched tracing.py) go into files/.
/// </summary>
public static class ChartRenderer
{
    public const string ChartName = ToolInfo.Name;
    public const string Directory = "chart/" + ChartName;
    public const string KubeVersion = ">=1.25.0-0";
    private const string TemplatePrefix = "templates/chart/";

    public static IReadOnlyList<RenderedFile> Render(StackModel model)
    {
        var files = new List<RenderedFile>();
        var scriptModel = ScriptModel();
        foreach (var resource in EmbeddedFiles.List(TemplatePrefix))
        {
            var relative = resource[TemplatePrefix.Length..];
            var text = EmbeddedFiles.ReadText(resource);
            if (relative.EndsWith(".sbn", StringComparison.Ordinal))
            {
                relative = relative[..^4];
                text = RenderScriban(resource, text, scriptModel);
            }

            files.Add(new RenderedFile($"{Directory}/{relative}", text));
        }

        files.Add(new RenderedFile($"{Directory}/values.yaml", ValuesFileWriter.Write(model.Options)));
        files.Add(new RenderedFile($"{Directory}/values.schema.json", OptionsSchemaGenerator.ValuesSchema()));
        files.Add(new RenderedFile($"{Directory}/files/{Facts.LlamaStackFacts.SitecustomizeFile}", EmbeddedFiles.ReadText(PatchWiring.SitecustomizeResource)));
        if (model.Options.Patch.Strategy is PatchStrategy.SubPath or PatchStrategy.InitContainer && model.Patch.ConfigMapContent is { } patched)
        {
            files.Add(new RenderedFile($"{Directory}/files/{Facts.LlamaStackFacts.TracingModuleFile}", patched));
        }

        return [.. files.OrderBy(f => f.RelativePath, StringComparer.Ordinal)];
    }

    private static ScriptObject ScriptModel()
    {
        var chart = new ScriptObject
        {
            ["name"] = ChartName,
            ["version"] = ToolInfo.Version,
            ["app_version"] = ToolInfo.Version,
            ["kube_version"] = KubeVersion,
            ["description"] = "LlamaStack distributed tracing: OpenTelemetry Collector, Grafana Tempo with Jaeger UI, and the LlamaStack tracing fix.",
            ["generator"] = ToolInfo.ManagedBy + " " + ToolInfo.Version,
        };
        var facts = new ScriptArray();
        foreach (var (key, value) in ChartFacts.Build())
        {
            facts.Add(new ScriptObject { ["key"] = key, ["value"] = value });
        }

        return new ScriptObject { ["chart"] = chart, ["facts"] = facts };
    }

    private static string RenderScriban(string name, string text, ScriptObject model)
    {
        var template = Template.Parse(text, name);
        if (template.HasErrors)
        {
            throw new InvalidOperationException($"template {name} does not parse: {string.Join("; ", template.Messages)}");
        }

        // No builtin functions: the templates only read values, and importing the builtins costs more than the render itself.
        var context = new TemplateContext(new ScriptObject()) { StrictVariables = true, MemberRenamer = member => member.Name };
        context.PushGlobal(model);
        return template.Render(context).ReplaceLineEndings("\n");
    }
}
