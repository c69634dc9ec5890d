using System.CommandLine;
using Generator.Findings;
using Generator.Lint;
using Generator.Options;
using Generator.Output;
using Generator.Render;

namespace Generator.Cli;

/// <summary><c>render</c>: options → chart and raw manifests, validated, written atomically.</summary>
public static class RenderCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var optionsFile = new Option<string?>("--options") { Description = "Options file (YAML or JSON); see schemas/options.schema.json." };
        var sets = new Option<string[]>("--set")
        {
            Description = "Override one option, e.g. --set collector.receivers.grpc.enabled=true (repeatable; applied after the file, in order).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var outDir = new Option<string>("--out") { Description = "Output directory (chart/, manifests/ and WIRING.md are replaced).", DefaultValueFactory = _ => "out" };
        var schemaDirs = SchemaOptions.SchemasOption();
        var verbose = new Option<bool>("--verbose") { Description = "Say which schema source validated each kind." };

        var command = new Command("render", "Render the Helm chart and raw manifests from options, validate them, and write them.")
        {
            optionsFile, sets, outDir, schemaDirs, verbose,
        };
        command.SetAction(parsed => Run(
            parsed.GetValue(optionsFile),
            parsed.GetValue(sets) ?? [],
            parsed.GetValue(outDir)!,
            parsed.GetValue(schemaDirs) ?? [],
            parsed.GetValue(verbose),
            stdout,
            stderr));
        return command;
    }

    public static int Run(string? optionsFile, IReadOnlyList<string> sets, string outDir, IReadOnlyList<string> schemaDirs, bool verbose, TextWriter stdout, TextWriter stderr)
    {
        if (SchemaOptions.CreateValidator(schemaDirs, strictKinds: true, stderr) is not { } validation)
        {
            return ExitCodes.Usage;
        }

        OptionsSchemaValidator.Prepare();
        var lint = new LintRunner(validation.Validator, RuleCatalog.Rules);
        RenderResult result;
        try
        {
            result = RenderPipeline.Render(OptionsLoader.Load(optionsFile, sets), streams => lint.Run(streams, LintConfig.Empty, Severity.Warning).Findings, outDir.TrimEnd('/'));
        }
        catch (OptionsException ex)
        {
            foreach (var error in ex.Errors)
            {
                stderr.WriteLine(error);
            }

            return ExitCodes.Usage;
        }

        if (verbose)
        {
            validation.ReportSources(result, stderr);
        }

        foreach (var finding in result.Findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line))
        {
            stderr.WriteLine(TextFindingWriter.Line(finding, finding.Severity.ToName()));
        }

        if (result.HasErrors)
        {
            stderr.WriteLine($"render: the rendered documents fail validation; nothing was written to {outDir}.");
            return ExitCodes.Findings;
        }

        try
        {
            OutputWriter.Write(outDir, result.Files);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"render: cannot write {outDir}: {ex.Message}; {outDir} is unchanged.");
            return ExitCodes.Usage;
        }

        var chart = result.Files.Count(f => f.RelativePath.StartsWith(ChartRenderer.Directory + "/", StringComparison.Ordinal));
        var manifests = result.Files.Count(f => f.RelativePath.StartsWith(ManifestRenderer.Directory + "/", StringComparison.Ordinal));
        stdout.WriteLine($"render: wrote {Path.Combine(outDir, ChartRenderer.Directory)} ({chart} files), {Path.Combine(outDir, ManifestRenderer.Directory)} ({manifests} files) and {Path.Combine(outDir, WiringDocument.FileName)}.");
        return ExitCodes.Ok;
    }
}
