using Generator.Documents;
using Generator.Findings;
using Generator.Yaml;

namespace Generator.Lint;

/// <summary>A path the user named that cannot be read (a usage error: exit 2).</summary>
public sealed class LintInputException(string message) : Exception(message);

/// <summary>What the PATHs of a run name: the YAML files read (in order) and the Helm chart templates left unread.</summary>
public sealed record LintFiles(IReadOnlyList<YamlStream> Streams, IReadOnlyList<string> HelmTemplates);

/// <summary>
/// The documents of a run, sorted: the objects (List items expanded), the documents that should be objects but are not,
/// and the documents of other tools, which are skipped.
/// </summary>
public sealed record LintObjects(ManifestSet Manifests, IReadOnlyList<InvalidDocument> Invalid, IReadOnlyList<YamlDocument> Skipped);

/// <summary>
/// Turns PATH arguments (files, directories searched recursively for *.yaml/*.yml, or <c>-</c> for standard input) into
/// parsed streams, and streams into the bundle's objects. <c>kind: List</c> documents contribute their items;
/// kustomization files are build configuration, not objects, and are left out.
/// <para>
/// Pre-commit hands the linter every *.yaml file of a commit, so not everything it reads is meant for Kubernetes. Helm
/// chart templates (files under the <c>templates/</c> directory of a chart, the directory holding <c>Chart.yaml</c>) are
/// Go templates, not YAML: they are not read at all. Documents that do not resemble an object
/// (<see cref="IdentityKeys.Resembles"/>: CI workflows, compose files, Helm values), the chart metadata
/// <c>Chart.yaml</c> and the values files beside it are skipped, unless the run is strict (<c>--strict-kinds</c>), where every document must be an object.
/// </para>
/// </summary>
public static class LintInput
{
    /// <summary>The file name Helm requires for a chart's metadata; its directory is a chart.</summary>
    public const string ChartFile = "Chart.yaml";

    public static LintFiles Read(IReadOnlyList<string> paths, Func<TextReader> stdin, YamlLimits? limits = null)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (path == Finding.StandardInput)
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(YamlFileWalk.Under(path));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new LintInputException($"cannot read {path}: no such file or directory");
            }
        }

        var byTemplate = YamlFileWalk.Distinct(files).ToLookup(IsHelmTemplate);
        var yamlFiles = byTemplate[false].ToList();
        var standardInput = yamlFiles.Contains(Finding.StandardInput) ? ReadStandardInput(stdin, limits) : null;
        var streams = new YamlStream[yamlFiles.Count];
        try
        {
            // Files are independent: parse them on every core, keeping their order.
            Parallel.For(0, yamlFiles.Count, i => streams[i] = yamlFiles[i] == Finding.StandardInput ? standardInput! : ReadFile(yamlFiles[i], limits));
            return new LintFiles(streams, [.. byTemplate[true]]);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.OfType<LintInputException>().FirstOrDefault() is { } unreadable)
        {
            throw unreadable;
        }
    }

    /// <summary>
    /// The objects of the streams (with List items expanded), the documents that are not objects and, unless
    /// <paramref name="strict"/>, the documents skipped as another tool's YAML. Empty documents are none of these.
    /// </summary>
    public static LintObjects Objects(IEnumerable<YamlStream> streams, bool strict)
    {
        var manifests = new List<Manifest>();
        var invalid = new List<InvalidDocument>();
        var skipped = new List<YamlDocument>();
        foreach (var document in streams.SelectMany(s => s.Documents))
        {
            var manifest = Manifest.FromDocument(document, out var problem);
            if (manifest is null)
            {
                if (problem is null)
                {
                    continue;
                }

                if (!strict && (IsChartFile(document.File) || !IdentityKeys.Resembles(document.Root)))
                {
                    skipped.Add(document);
                }
                else
                {
                    invalid.Add(new InvalidDocument(document, problem));
                }

                continue;
            }

            if (manifest.Ref.Group == "kustomize.config.k8s.io")
            {
                continue;
            }

            if (manifest.Kind == "List" && manifest.Root.GetSequence("items") is { } items)
            {
                foreach (var item in items)
                {
                    var itemDocument = document with { Root = item, Start = item.Start };
                    if (Manifest.FromDocument(itemDocument, out var itemProblem) is { } itemManifest)
                    {
                        manifests.Add(itemManifest);
                    }
                    else if (itemProblem is not null)
                    {
                        invalid.Add(new InvalidDocument(itemDocument, itemProblem));
                    }
                }

                continue;
            }

            manifests.Add(manifest);
        }

        return new LintObjects(new ManifestSet(manifests), invalid, skipped);
    }

    /// <summary>A file under the templates/ directory (at any depth) of a directory holding Chart.yaml.</summary>
    private static bool IsHelmTemplate(string file)
    {
        if (file == Finding.StandardInput)
        {
            return false;
        }

        for (var directory = Path.GetDirectoryName(Path.GetFullPath(file)); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (Path.GetFileName(directory) == "templates" && Path.GetDirectoryName(directory) is { } chart && File.Exists(Path.Combine(chart, ChartFile)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Helm's chart metadata (it has an apiVersion, the chart API's) or a values file beside it (values.yaml,
    /// values-prod.yaml: a chart's values may have a top-level kind, e.g. a DaemonSet-or-Deployment switch). Neither is an object.
    /// </summary>
    private static bool IsChartFile(string file)
    {
        if (file == Finding.StandardInput)
        {
            return false;
        }

        var name = Path.GetFileName(file);
        return name == ChartFile
            || (name.StartsWith("values", StringComparison.Ordinal) && YamlFileWalk.IsYamlName(name) && File.Exists(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, ChartFile)));
    }

    private static YamlStream ReadFile(string file, YamlLimits? limits)
    {
        try
        {
            var length = new FileInfo(file).Length;
            if (length > (limits ?? YamlLimits.Default).MaxFileBytes)
            {
                return Oversized(file, length, limits ?? YamlLimits.Default);
            }

            return YamlReader.Parse(file, File.ReadAllBytes(file), limits);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LintInputException($"cannot read {file}: {ex.Message}");
        }
    }

    private static YamlStream Oversized(string file, long length, YamlLimits limits) =>
        new(file, string.Empty, [], [new YamlProblem(YamlProblemKind.Limit, new Mark(1, 1), $"file is {length} bytes, more than the limit of {limits.MaxFileBytes} bytes")]);

    private static YamlStream ReadStandardInput(Func<TextReader> stdin, YamlLimits? limits)
    {
        var max = (limits ?? YamlLimits.Default).MaxFileBytes;
        var buffer = new char[64 * 1024];
        var text = new System.Text.StringBuilder();
        var reader = stdin();
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > max)
            {
                return Oversized(Finding.StandardInput, text.Length, limits ?? YamlLimits.Default);
            }
        }

        // Nothing at all (not even a newline) is what a failed command before the pipe leaves; passing it would hide that.
        if (text.Length == 0)
        {
            throw new LintInputException("standard input is empty, so there is nothing to check (did the command before the pipe fail?)");
        }

        return YamlReader.Parse(Finding.StandardInput, text.ToString(), limits);
    }
}
