using System.CommandLine;
using Generator.Options;
using Generator.Schemas;

namespace Generator.Cli;

/// <summary><c>schemas</c>: build the embedded bundle, bring your own operator versions (import), print the options schema, list known kinds.</summary>
public static class SchemasCommand
{
    /// <summary>Where <c>schemas import</c> writes unless told otherwise (relative to the working directory).</summary>
    public const string DefaultDirectory = ".generator/schemas";

    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("FILE") { Description = "CRD or Kubernetes OpenAPI v3 documents, or - for standard input (kubectl get crd X -o yaml).", Arity = ArgumentArity.OneOrMore };
        var into = new Option<string>("--into") { Description = "Directory of compiled schemas to write.", DefaultValueFactory = _ => DefaultDirectory };
        var import = new Command("import", "Convert CRDs or OpenAPI documents into compiled schemas for --schemas DIR.") { files, into };
        import.SetAction(parsed => Import(parsed.GetValue(files)!, parsed.GetValue(into)!, stdin, stdout, stderr));

        var from = new Option<string>("--from") { Description = "The reference documents (crds/, kubernetes/).", DefaultValueFactory = _ => "../shared/reference" };
        var sources = new Option<string>("--sources") { Description = "Their provenance.", DefaultValueFactory = _ => "schemas/sources.yaml" };
        var bundle = new Option<string>("--into") { Description = "The bundle directory to write.", DefaultValueFactory = _ => "schemas/bundle" };
        var build = new Command("build", "Generate the built-in schema bundle (facts only) from the reference documents listed in schemas/sources.yaml.") { from, sources, bundle };
        build.SetAction(parsed => Build(parsed.GetValue(from)!, parsed.GetValue(sources)!, parsed.GetValue(bundle)!, stdout, stderr));

        var options = new Command("options", "Print the JSON Schema of the options file (schemas/options.schema.json).");
        options.SetAction(_ =>
        {
            stdout.Write(OptionsSchemaGenerator.OptionsSchema());
            return ExitCodes.Ok;
        });

        var schemaDirs = SchemaOptions.SchemasOption();
        var list = new Command("list", "List the kinds with a schema and where each comes from.") { schemaDirs };
        list.SetAction(parsed =>
        {
            if (SchemaOptions.CreateValidator(parsed.GetValue(schemaDirs) ?? [], strictKinds: false, stderr) is not { } validation)
            {
                return ExitCodes.Usage;
            }

            validation.ReportSources(validation.Store.KnownKinds, stdout);
            return ExitCodes.Ok;
        });

        return new Command("schemas", "Manage the schemas used by render and lint.") { build, import, options, list };
    }

    public static int Build(string from, string sources, string into, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            foreach (var line in SchemaBundleBuilder.Build(from, sources, into))
            {
                stdout.WriteLine("schemas: " + line);
            }
        }
        catch (SchemaImportException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return ExitCodes.Usage;
        }

        stdout.WriteLine($"schemas: wrote the bundle into {into}");
        return ExitCodes.Ok;
    }

    public static int Import(IReadOnlyList<string> files, string into, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        // Every argument is checked, read and converted before anything is written: a mistyped option, a missing file or a
        // document that does not convert writes nothing.
        if (files.FirstOrDefault(f => f.StartsWith('-') && f != "-") is { } option)
        {
            stderr.WriteLine($"error: unknown option {option} (schemas import takes FILE... and --into DIR)");
            return ExitCodes.Usage;
        }

        var texts = new List<(string File, string Text)>();
        foreach (var file in files)
        {
            if (Directory.Exists(file))
            {
                stderr.WriteLine($"error: cannot read {file}: it is a directory (name the CRD files)");
                return ExitCodes.Usage;
            }

            try
            {
                texts.Add((file == "-" ? "stdin" : file, file == "-" ? stdin.ReadToEnd() : File.ReadAllText(file)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"error: cannot read {file}: {ex.Message}");
                return ExitCodes.Usage;
            }
        }

        try
        {
            foreach (var written in SchemaImporter.Import(texts, into))
            {
                stdout.WriteLine($"schemas: wrote {written}");
            }
        }
        catch (SchemaImportException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return ExitCodes.Usage;
        }

        return ExitCodes.Ok;
    }
}
