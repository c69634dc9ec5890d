using System.CommandLine;
using Generator.Findings;
using Generator.Graph;
using Generator.Lint;
using Generator.Lint.Rules;

namespace Generator.Cli;

/// <summary>
/// <c>graph</c>: the tracing wiring of manifests as a picture (Mermaid or Graphviz DOT) on standard output, drawn from the
/// views lint judges the wiring by, with each broken edge marked with the rule id of the finding that breaks it. The
/// PATHs are read as lint reads them and the same lint config applies. Exit 0 when the picture is written, 1 when an
/// input is not valid YAML (its problems are printed on stderr with file:line:column, and the picture shows what could
/// be read), 2 for usage errors and unreadable paths.
/// </summary>
public static class GraphCommand
{
    /// <summary>The findings that make an input invalid YAML, which graph reports and exits 1 for.</summary>
    private static readonly string[] InvalidYamlRules = [new YamlParse().Info.Id, new YamlDuplicateKey().Info.Id];

    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files, directories (searched for *.yaml, *.yml) or - for standard input, as for lint: manifests you write or render (helm template output included).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<GraphFormat>("--format")
        {
            Description = "mermaid (a flowchart for a ```mermaid block in GitHub or GitLab Markdown) or dot (Graphviz: dot -Tsvg).",
            DefaultValueFactory = _ => GraphFormat.Mermaid,
        };
        var config = new Option<string?>("--config") { Description = $"Lint config file (default: {LintConfig.DefaultFile} when present): rules off there mark no edge." };
        var command = new Command("graph", "Draw the tracing wiring of manifests: workloads, the Services and ports they reach, each collector's pipelines and the Tempo they write to; broken edges carry the id of the finding that breaks them.")
        {
            paths, format, config,
        };
        command.SetAction(parsed => Run(parsed.GetValue(paths) ?? [], parsed.GetValue(format), parsed.GetValue(config), stdin, stdout, stderr));
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, GraphFormat format, string? configFile, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (paths.Count == 0)
        {
            stderr.WriteLine("error: graph needs at least one PATH (a file, a directory, or - for standard input).");
            return ExitCodes.Usage;
        }

        if (LintCommand.LoadConfig(configFile, stderr) is not { } config || SchemaOptions.CreateValidator([], strictKinds: false, stderr) is not { } validation)
        {
            return ExitCodes.Usage;
        }

        LintFiles files;
        try
        {
            files = LintInput.Read(paths, () => stdin);
        }
        catch (LintInputException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return ExitCodes.Usage;
        }

        var analysis = new LintRunner(validation.Validator, RuleCatalog.Rules).Analyze(files, config, Severity.Warning);
        var graph = WiringGraphBuilder.Build(analysis.Context, analysis.Findings);
        stdout.Write(format == GraphFormat.Dot ? DotWriter.Write(graph) : MermaidWriter.Write(graph));

        var sources = HelmSources.Of(files.Streams);
        // A duplicate key makes the YAML invalid too: one of the two values is lost, so the picture may show the wrong one.
        var unreadable = analysis.Findings.Where(f => InvalidYamlRules.Contains(f.RuleId)).Select(sources.Map).ToList();
        foreach (var finding in unreadable)
        {
            stderr.WriteLine(TextFindingWriter.Line(finding, finding.Severity.ToName()));
        }

        var broken = graph.Edges.Where(e => e.Findings.Count > 0).SelectMany(e => e.Findings.Select(f => f.RuleId)).Distinct().Order(StringComparer.Ordinal).ToList();
        stderr.WriteLine($"graph: {graph.Nodes.Count} nodes, {graph.Edges.Count} edges"
            + (broken.Count == 0 ? string.Empty : $", {graph.Edges.Count(e => e.Findings.Count > 0)} marked ({string.Join(", ", broken)})"));
        return unreadable.Count > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
