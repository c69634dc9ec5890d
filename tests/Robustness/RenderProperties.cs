using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Generator.Findings;
using Generator.Lint;
using Generator.Options;
using Generator.Render;
using Generator.Schemas;
using Generator.Tests.Chart;
using Generator.Yaml;

namespace Generator.Tests.Robustness;

/// <summary>Properties of rendering that must hold for every valid option set, not just the hand-picked ones.</summary>
public sealed class RenderProperties
{
    private static readonly StructuralValidator Validator = new(SchemaStore.BuiltIn);

    [Property(MaxTest = 60)]
    public Property RandomValidOptions_RenderOutputThatValidatesAndLintsClean_Deterministically() =>
        Prop.ForAll(OptionSets.Valid.ToArbitrary(), sets =>
        {
            var first = RenderPipeline.Render(OptionsLoader.Load(null, sets), _ => []);
            var second = RenderPipeline.Render(OptionsLoader.Load(null, sets), _ => []);

            var lint = new LintRunner(Validator, RuleCatalog.Rules).Run(
                [.. first.Files.Where(f => f.RelativePath.StartsWith("manifests/", StringComparison.Ordinal)).Select(f => YamlReader.Parse(f.RelativePath, f.Content))],
                LintConfig.Empty,
                Severity.Error);
            var identical = first.Files.Select(f => (f.RelativePath, f.Content)).SequenceEqual(second.Files.Select(f => (f.RelativePath, f.Content)));

            return (lint.Errors == 0).Label("schemas and rules: " + string.Join("; ", lint.Findings.Select(f => $"{f.Location}: {f.RuleId}: {f.Message}")))
                .And(identical).Label("two renders of the same options differ");
        });

    [Property(MaxTest = 4)]
    public Property RandomValidOptions_ChartMatchesRawManifestsWithRealHelm() =>
        Prop.ForAll(OptionSets.Valid.ToArbitrary(), sets =>
        {
            using var chart = RenderedChart.Create(null, sets);
            var report = chart.ParityReport();
            return (report.Length == 0).Label($"--set {string.Join(" --set ", sets)}\n{report}");
        });
}
