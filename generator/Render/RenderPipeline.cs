using Generator.Blueprints;
using Generator.Facts;
using Generator.Findings;
using Generator.Model;
using Generator.Options;
using Generator.Resources;
using Generator.Yaml;

namespace Generator.Render;

/// <summary>What a render produced: the files to write and the validation findings (files are written only without errors).</summary>
public sealed record RenderResult(GeneratorOptions Options, ValueContext Values, IReadOnlyList<ManifestFile> Manifests, IReadOnlyList<RenderedFile> Files, IReadOnlyList<Finding> Findings)
{
    /// <summary>A value of the stack's model as these options settle it.</summary>
    public string Resolve(Str value) => new Evaluator(Values).Text(value.Expr);

    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}

/// <summary>
/// Options → the stack's blueprint resolved against them (raw manifests) and written as Helm templates (chart) → checks.
/// The raw manifests are checked as the text that will be written (parsed back), by the same checks lint runs (schemas and
/// rules), so a finding points at a line of the output file; the chart renders the same objects, which the parity tests
/// prove with helm. The picture of their wiring (<see cref="WiringDocument"/>) is drawn from the same parsed manifests.
/// </summary>
public static class RenderPipeline
{
    public const string PatchStrategyRuleId = "render-patch-strategy";

    /// <summary>The id of a render warning that the stack will not do something for these options (<see cref="StackBlueprint.Caveats"/>).</summary>
    public const string CaveatRuleId = "render-caveat";

    /// <param name="options">Loaded (resolved and checked) options; the stack's own checks may still refuse them (<see cref="OptionsException"/>).</param>
    /// <param name="check">Checks the raw manifests, as parsed files (the linter's bundle).</param>
    /// <param name="outputLabel">How findings name the output directory.</param>
    public static RenderResult Render(LoadedOptions options, Func<IReadOnlyList<YamlStream>, IEnumerable<Finding>> check, string outputLabel = "out")
    {
        var stack = Stack.Blueprint;
        var values = Values(options);
        CheckOptions(stack, values, options.Sources);

        // The chart and the checks of the raw manifests are independent: do both at once.
        var chart = Task.Run(() => ChartRenderer.Render(stack, options.Options, values.Files));
        var built = ManifestRenderer.Build(stack, values);
        var manifests = ManifestRenderer.Render(built);
        var streams = manifests.Select(f => YamlReader.Parse($"{outputLabel}/{f.RelativePath}", f.Content)).ToList();
        if (streams.FirstOrDefault(s => s.Problems.Count > 0) is { } broken)
        {
            throw new InvalidOperationException($"rendered {broken.File} does not parse: {broken.Problems[0].Message}");
        }

        var findings = check(streams).ToList();
        findings.AddRange(Caveats(stack, values, options.Sources));

        if (options.Options.Patch.Strategy == PatchStrategy.InitContainer && InitContainerFieldsRejected(findings) is { } rejected)
        {
            findings.Add(rejected);
        }

        var files = manifests.Concat(chart.GetAwaiter().GetResult()).Append(WiringDocument.Render(streams, findings)).ToList();
        return new RenderResult(options.Options, values, built, files, findings);
    }

    /// <summary>The stack's own checks across options (those JSON Schema cannot state), located where the user set the option.</summary>
    private static void CheckOptions(StackBlueprint stack, ValueContext values, OptionsSources sources)
    {
        var errors = Holding(stack.Checks, values, sources);
        if (errors.Count > 0)
        {
            throw new OptionsException(errors);
        }
    }

    /// <summary>The caveats that hold for these options, as warnings located where the user set the option.</summary>
    private static IEnumerable<Finding> Caveats(StackBlueprint stack, ValueContext values, OptionsSources sources) =>
        Holding(stack.Caveats, values, sources).Select(at => Finding.At(CaveatRuleId, Severity.Warning, at.Source, at.Mark, at.Path, at.Message));

    /// <summary>The checks that hold for these options, each with its message located where the user set its option.</summary>
    private static List<OptionsError> Holding(IEnumerable<Check> checks, ValueContext values, OptionsSources sources)
    {
        var evaluator = new Evaluator(values);
        return [.. checks.Where(c => evaluator.IsTrue(c.Holds.Expr)).Select(c => sources.ErrorAt(c.Option, evaluator.Text(c.Message.Expr)))];
    }

    /// <summary>
    /// What the blueprint is resolved against: the options as the chart's values hold them, the instance as the release
    /// name, and the files the chart ships (the tracing fix, and the user's patched tracing.py for the strategies that mount it).
    /// </summary>
    public static ValueContext Values(LoadedOptions loaded)
    {
        var options = loaded.Options;
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [LlamaStackFacts.SitecustomizeFile] = EmbeddedFiles.ReadText(TracingPatch.SitecustomizeResource),
        };
        if (loaded.PatchFileText is { } patched)
        {
            files[LlamaStackFacts.TracingModuleFile] = patched;
        }

        return new ValueContext(OptionsSerializer.ToYaml(options, valuesOnly: true), options.Instance, files);
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
