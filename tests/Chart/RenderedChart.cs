using Generator.Documents;
using Generator.Options;
using Generator.Output;
using Generator.Render;
using Generator.Tests.Support;
using Generator.Yaml;

namespace Generator.Tests.Chart;

/// <summary>
/// One option set rendered in-process and written to a private temp directory, as the tool writes it: the raw manifests,
/// the chart, and a values file holding the same (resolved) options, so helm renders the chart with exactly the options
/// the raw manifests came from. Deleted on dispose.
/// </summary>
public sealed class RenderedChart : IDisposable
{
    private RenderedChart(RenderResult result, string root)
    {
        Result = result;
        Root = root;
        ValuesFile = Path.Combine(root, "values-under-test.yaml");
        File.WriteAllText(ValuesFile, YamlWriter.Write(OptionsSerializer.ToYaml(result.Options, valuesOnly: true)));
    }

    public RenderResult Result { get; }

    public string Root { get; }

    public string ChartDirectory => Path.Combine(Root, ChartRenderer.Directory);

    public string ValuesFile { get; }

    public GeneratorOptions Options => Result.Options;

    /// <summary>Renders an options file from tests/Fixtures/options (null for the defaults), with --set style overrides.</summary>
    public static RenderedChart Create(string? optionSet, params string[] sets)
    {
        var file = optionSet is null ? null : TestPaths.Fixture("options", optionSet + ".yaml");
        var result = Rendering.Render(file, sets);
        var root = Directory.CreateTempSubdirectory("llamastack-tracing-chart-").FullName;
        OutputWriter.Write(root, result.Files);
        return new RenderedChart(result, root);
    }

    public IReadOnlyList<Manifest> RawManifests() => Rendering.Manifests(Result);

    /// <summary>
    /// How helm's objects differ from the raw manifests' (matched by kind, namespace and name; compared field by field and
    /// type by type, ignoring only the two labels only helm sets); empty when they are the same.
    /// </summary>
    public string ParityReport()
    {
        var raw = RawManifests().ToDictionary(Key);
        var helm = HelmManifests().ToDictionary(Key);
        Assert.NotEmpty(raw);
        var report = new System.Text.StringBuilder();
        foreach (var key in raw.Keys.Except(helm.Keys))
        {
            report.Append($"{key}: only in the raw manifests\n");
        }

        foreach (var key in helm.Keys.Except(raw.Keys))
        {
            report.Append($"{key}: only in helm's output\n");
        }

        foreach (var key in raw.Keys.Intersect(helm.Keys))
        {
            foreach (var difference in ObjectDiff.Compare(raw[key].Root, helm[key].Root))
            {
                report.Append($"{key} {difference}\n");
            }
        }

        return report.ToString();
    }

    private static string Key(Manifest manifest) => $"{manifest.Kind} {manifest.Namespace ?? "(cluster)"}/{manifest.Name}";

    /// <summary>
    /// helm template with the options' release name (the raw manifests' instance label), the application namespace and
    /// the values file, on a cluster that serves both operators' APIs.
    /// </summary>
    private ToolRun Template(string[] extraArguments) =>
        Helm.Run([
            "template", Options.Instance, ChartDirectory,
            "--namespace", Options.Namespaces.Application,
            "--values", ValuesFile,
            .. Helm.OperatorApis,
            .. extraArguments,
        ]);

    /// <summary>The objects of helm's output, failing the test when helm fails or prints something that is not YAML.</summary>
    public IReadOnlyList<Manifest> HelmManifests(params string[] extraArguments)
    {
        var run = Template(extraArguments);
        Assert.True(run.Succeeded, $"helm template failed:\n{run}");
        return Parse("helm template", run.Stdout);
    }

    private static IReadOnlyList<Manifest> Parse(string source, string text)
    {
        var stream = YamlReader.Parse(source, text);
        Assert.True(stream.Problems.Count == 0, $"{source} printed invalid YAML: {string.Join("; ", stream.Problems.Select(p => p.Message))}\n{text}");
        return [.. stream.Documents.Select(d => Manifest.FromDocument(d, out _)).OfType<Manifest>()];
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
