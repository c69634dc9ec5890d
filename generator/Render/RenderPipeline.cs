using Generator.Findings;
using Generator.Model;
using Generator.Options;
using Generator.Yaml;

namespace Generator.Render;

/// <summary>What a render produced: the files to write and the validation findings (files are written only without errors).</summary>
public sealed record RenderResult(StackModel Model, IReadOnlyList<RenderedFile> Files, IReadOnlyList<Finding> Findings)
{
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}

/// <summary>
/// Options → model → raw manifests and chart → checks. The raw manifests are checked as the text that will be written
/// (parsed back), by the same checks lint runs (schemas and rules), so a finding points at a line of the output file; the
/// chart renders the same objects, which the parity tests prove with helm.
/// </summary>
public static class RenderPipeline
{
    public const string PatchStrategyRuleId = "render-patch-strategy";

    /// <param name="options">Loaded (resolved and checked) options.</param>
    /// <param name="check">Checks the raw manifests, as parsed files (the linter's bundle).</param>
    /// <param name="outputLabel">How findings name the output directory.</param>
    public static RenderResult Render(LoadedOptions options, Func<IReadOnlyList<YamlStream>, IEnumerable<Finding>> check, string outputLabel = "out")
    {
        var model = StackModel.Build(options);

        // The chart and the checks of the raw manifests are independent: do both at once.
        var chart = Task.Run(() => ChartRenderer.Render(model));
        var manifests = ManifestRenderer.Render(ManifestRenderer.Build(model));
        var streams = manifests.Select(f => YamlReader.Parse($"{outputLabel}/{f.RelativePath}", f.Content)).ToList();
        if (streams.FirstOrDefault(s => s.Problems.Count > 0) is { } broken)
        {
            throw new InvalidOperationException($"rendered {broken.File} does not parse: {broken.Problems[0].Message}");
        }

        var findings = check(streams).ToList();

        if (options.Options.Patch.Strategy == PatchStrategy.InitContainer && InitContainerFieldsRejected(findings) is { } rejected)
        {
            findings.Add(rejected);
        }

        var files = manifests.Concat(chart.GetAwaiter().GetResult()).ToList();
        return new RenderResult(model, files, findings);
    }

    /// <summary>
    /// The initContainer strategy relies on two fields the real LlamaStackDistribution CRD lacks; the API server would
    /// drop them and the patch would silently never apply. Say so once, plainly, on top of the pruned-field findings.
    /// </summary>
    private static Finding? InitContainerFieldsRejected(IReadOnlyList<Finding> findings)
    {
        string[] needed = ["spec.server.podOverrides.initContainers", "spec.server.containerSpec.volumeMounts"];
        var missing = needed.Where(path => findings.Any(f => f.Severity == Severity.Error && f.Path == path)).ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        var first = findings.First(f => f.Path == missing[0]);
        return first with
        {
            RuleId = PatchStrategyRuleId,
            Message = $"patch.strategy=initContainer needs {string.Join(" and ", missing)}, which the LlamaStackDistribution schema in use does not define: "
                + "the API server would drop them and the patch would never be applied. Use patch.strategy=sitecustomize (the default), "
                + "or pass --schemas DIR with a CRD that has these fields.",
        };
    }
}
