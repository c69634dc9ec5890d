using Generator.Yaml;

namespace Generator.Options;

/// <summary>
/// The options of one run, resolved (profile defaults filled in), with where they came from; <c>PatchFileText</c> is the
/// user's patched tracing.py, read only for the strategies that mount it (subPath, initContainer), else null.
/// </summary>
public sealed record LoadedOptions(GeneratorOptions Options, OptionsSources Sources, string? PatchFileText);

/// <summary>
/// Loads options: the defaults with the profile's, the options file (YAML or JSON) and each <c>--set path=value</c> in
/// order, merged into one tree (<see cref="OptionsTree"/>) and judged by the options schema (types, values and the
/// cross-option rules it states), then bound to records and checked for what JSON Schema cannot state
/// (<see cref="OptionsValidator"/>). Every problem is collected and thrown together as an <see cref="OptionsException"/>;
/// the rules are only judged on options whose every value is of the right type.
/// </summary>
public static class OptionsLoader
{
    public static LoadedOptions Load(string? optionsFile, IReadOnlyList<string> sets)
    {
        var errors = new List<OptionsError>();
        var tree = optionsFile is null ? null : ReadFile(optionsFile, errors);
        var overrides = sets.Select(argument => ParseSet(argument, errors)).OfType<SetOverride>().ToList();
        var sources = new OptionsSources(optionsFile, tree, overrides);
        var merged = OptionsTree.Build(optionsFile, tree as YamlMapping, overrides);
        errors.AddRange(merged.Errors);
        var verdict = OptionsSchemaValidator.Validate(merged, sources);
        errors.AddRange(verdict.ValueErrors);
        if (errors.Count > 0)
        {
            throw new OptionsException(errors);
        }

        var options = OptionsBinder.Bind(merged.Root);
        errors.AddRange(verdict.RuleErrors);
        errors.AddRange(OptionsValidator.Validate(options, sources));
        var patchText = ReadPatchFile(options, sources, errors);
        if (errors.Count > 0)
        {
            throw new OptionsException(errors);
        }

        return new LoadedOptions(options, sources, patchText);
    }

    private static YamlNode? ReadFile(string file, List<OptionsError> errors)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(new OptionsError(file, Mark.None, string.Empty, $"cannot read the options file: {ex.Message}"));
            return null;
        }

        var stream = YamlReader.Parse(file, bytes);
        foreach (var problem in stream.Problems)
        {
            errors.Add(new OptionsError(file, problem.Mark, string.Empty, problem.Message));
        }

        if (stream.Problems.Count > 0)
        {
            return null;
        }

        var documents = stream.Documents.Where(d => d.Root is not null).ToList();
        if (documents.Count > 1)
        {
            errors.Add(new OptionsError(file, documents[1].Start, string.Empty, "an options file holds one document; found more than one"));
            return null;
        }

        var root = documents.FirstOrDefault()?.Root;
        if (root is null or YamlScalar { IsNull: true })
        {
            return null;
        }

        if (root is not YamlMapping)
        {
            errors.Add(new OptionsError(file, root.Start, string.Empty, $"the options file must be a mapping of options, not {root.TypeName}"));
            return null;
        }

        return root;
    }

    private static SetOverride? ParseSet(string argument, List<OptionsError> errors)
    {
        var source = "--set " + argument;
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            errors.Add(new OptionsError(source, Mark.None, string.Empty, "expected path=value, e.g. --set collector.replicas=2"));
            return null;
        }

        var path = argument[..equals];
        if (PathSegment.Parse(path) is not { } segments)
        {
            errors.Add(new OptionsError(source, Mark.None, path, "malformed option path; use dotted keys and [index], e.g. llamaStack.extraEnv[0].name"));
            return null;
        }

        var valueText = argument[(equals + 1)..];
        // A --set value is located by its argument, not by a line and column inside it.
        var parsed = YamlReader.Parse(source, valueText, translate: _ => Mark.None);
        if (parsed.Problems.Count > 0)
        {
            errors.Add(new OptionsError(source, Mark.None, path, $"the value is not valid YAML: {parsed.Problems[0].Message}"));
            return null;
        }

        var value = parsed.Documents.FirstOrDefault()?.Root ?? YamlScalar.String(string.Empty);
        return new SetOverride(argument, segments, value);
    }

    private static string? ReadPatchFile(GeneratorOptions options, OptionsSources sources, List<OptionsError> errors)
    {
        if (options.Patch.Strategy is not (PatchStrategy.SubPath or PatchStrategy.InitContainer) || options.Patch.File.Length == 0)
        {
            return null;
        }

        var path = Path.Combine(sources.BaseDirectory, options.Patch.File);
        try
        {
            return File.ReadAllText(path).ReplaceLineEndings("\n");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(sources.ErrorAt("patch.file", $"cannot read the patched tracing.py: {ex.Message}"));
            return null;
        }
    }
}
