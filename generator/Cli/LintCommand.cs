using System.CommandLine;
using Generator.Findings;
using Generator.Lint;

namespace Generator.Cli;

/// <summary><c>lint</c>: the pre-commit linter for tracing-stack manifests.</summary>
public static class LintCommand
{
    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files, directories (searched for *.yaml, *.yml) or - for standard input. YAML that is not a Kubernetes object is skipped, and Helm chart templates are not read.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<OutputFormat>("--format") { Description = "Output format: text, json or sarif.", DefaultValueFactory = _ => OutputFormat.Text };
        var severity = new Option<string>("--severity") { Description = "Report findings at or above this severity: error, warning or info.", DefaultValueFactory = _ => "info" };
        var schemas = SchemaOptions.SchemasOption();
        var config = new Option<string?>("--config") { Description = $"Lint config file (default: {LintConfig.DefaultFile} when present)." };
        var strictKinds = new Option<bool>("--strict-kinds")
        {
            Description = "An object whose kind has no schema is an error, not a warning, and a document that is not a Kubernetes object is a manifest-invalid error instead of being skipped. "
                + "Helm chart templates are still skipped: they are Go templates, not YAML.",
        };
        var listRules = new Option<bool>("--list-rules") { Description = "Print the rule catalog (id, severity, summary) and exit." };
        var explain = new Option<string?>("--explain") { Description = "Print a rule's summary and remediation and exit." };
        var verbose = new Option<bool>("--verbose") { Description = "Say which schema source validated each kind, and name each Helm template skipped." };

        var command = new Command("lint", "Lint Kubernetes manifests of the tracing stack: schemas, collector pipeline, wiring across resources.")
        {
            paths, format, severity, schemas, config, strictKinds, listRules, explain, verbose,
        };
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(listRules))
            {
                return ListRules(stdout);
            }

            if (parsed.GetValue(explain) is { } rule)
            {
                return Explain(rule, stdout, stderr);
            }

            return Run(new LintRequest(
                parsed.GetValue(paths) ?? [],
                parsed.GetValue(format),
                parsed.GetValue(severity)!,
                parsed.GetValue(schemas) ?? [],
                parsed.GetValue(config),
                parsed.GetValue(strictKinds),
                parsed.GetValue(verbose)), stdin, stdout, stderr);
        });
        return command;
    }

    public sealed record LintRequest(
        IReadOnlyList<string> Paths,
        OutputFormat Format,
        string Severity,
        IReadOnlyList<string> SchemaDirectories,
        string? ConfigFile,
        bool StrictKinds,
        bool Verbose);

    public static int Run(LintRequest request, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (request.Paths.Count == 0)
        {
            stderr.WriteLine("error: lint needs at least one PATH (a file, a directory, or - for standard input).");
            return ExitCodes.Usage;
        }

        if (!SeverityNames.TryParse(request.Severity, out var threshold))
        {
            stderr.WriteLine($"error: --severity {request.Severity}: expected error, warning or info.");
            return ExitCodes.Usage;
        }

        if (LoadConfig(request.ConfigFile, stderr) is not { } config)
        {
            return ExitCodes.Usage;
        }

        if (SchemaOptions.CreateValidator(request.SchemaDirectories, request.StrictKinds, stderr) is not { } validation)
        {
            return ExitCodes.Usage;
        }

        LintFiles files;
        try
        {
            files = LintInput.Read(request.Paths, () => stdin);
        }
        catch (LintInputException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return ExitCodes.Usage;
        }

        var report = new LintRunner(validation.Validator, RuleCatalog.Rules).Run(files, config, threshold);
        if (request.Verbose)
        {
            validation.ReportSources(LintInput.Objects(files.Streams, request.StrictKinds).Manifests.Select(m => (m.Ref.ApiVersion, m.Ref.Kind)).Distinct(), stderr);
            foreach (var template in report.HelmTemplates)
            {
                stderr.WriteLine("lint: skipped Helm template " + template);
            }
        }

        // On stderr, so that standard output keeps its format (findings, then the summary line, or one JSON/SARIF document).
        if (report.HelmTemplateNote is { } note)
        {
            stderr.WriteLine("lint: " + note);
        }

        IFindingWriter writer = request.Format switch
        {
            OutputFormat.Json => new JsonFindingWriter(),
            OutputFormat.Sarif => new SarifFindingWriter(RuleCatalog.All),
            _ => new TextFindingWriter(colour: ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null),
        };
        writer.Write(report, stdout);
        return report.Errors > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }

    /// <summary>The lint config of <paramref name="file"/>, else of .tracinglint.yaml when present; null (after saying why) when it cannot be used.</summary>
    internal static LintConfig? LoadConfig(string? file, TextWriter stderr)
    {
        try
        {
            var known = RuleCatalog.All.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var path = file ?? (File.Exists(LintConfig.DefaultFile) ? LintConfig.DefaultFile : null);
            return path is null ? LintConfig.Empty : LintConfig.Load(path, known);
        }
        catch (LintConfigException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return null;
        }
    }

    private static int ListRules(TextWriter stdout)
    {
        var width = RuleCatalog.All.Max(r => r.Id.Length);
        foreach (var rule in RuleCatalog.All.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            stdout.WriteLine($"{rule.Id.PadRight(width)}  {rule.DefaultSeverity.ToName(),-7}  {rule.Summary}");
        }

        return ExitCodes.Ok;
    }

    private static int Explain(string id, TextWriter stdout, TextWriter stderr)
    {
        if (RuleCatalog.Find(id) is not { } rule)
        {
            stderr.WriteLine($"error: unknown rule \"{id}\" (see lint --list-rules).");
            return ExitCodes.Usage;
        }

        stdout.WriteLine($"{rule.Id} ({rule.DefaultSeverity.ToName()})");
        stdout.WriteLine(rule.Summary);
        stdout.WriteLine();
        stdout.WriteLine(rule.Remediation);
        return ExitCodes.Ok;
    }
}
