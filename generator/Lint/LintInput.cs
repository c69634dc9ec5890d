using Generator.Model;
using Generator.Yaml;

namespace Generator.Lint;

/// <summary>A path the user named that cannot be read (a usage error: exit 2).</summary>
public sealed class LintInputException(string message) : Exception(message);

/// <summary>
/// Turns PATH arguments (files, directories searched recursively for *.yaml/*.yml, or <c>-</c> for standard input) into
/// parsed streams, and streams into the bundle's objects. <c>kind: List</c> documents contribute their items;
/// kustomization files are build configuration, not objects, and are left out.
/// </summary>
public static class LintInput
{
    public const string StandardInput = "-";

    public static IReadOnlyList<YamlStream> Read(IReadOnlyList<string> paths, Func<TextReader> stdin, YamlLimits? limits = null)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (path == StandardInput)
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(YamlFilesUnder(path));
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

        var distinct = files.Distinct(StringComparer.Ordinal).ToList();
        var standardInput = distinct.Contains(StandardInput) ? ReadStandardInput(stdin, limits) : null;
        var streams = new YamlStream[distinct.Count];
        try
        {
            // Files are independent: parse them on every core, keeping their order.
            Parallel.For(0, distinct.Count, i => streams[i] = distinct[i] == StandardInput ? standardInput! : ReadFile(distinct[i], limits));
            return streams;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.OfType<LintInputException>().FirstOrDefault() is { } unreadable)
        {
            throw unreadable;
        }
    }

    /// <summary>The objects of the streams (with List items expanded) and the documents that are not objects.</summary>
    public static (ManifestSet Manifests, IReadOnlyList<InvalidDocument> Invalid) Objects(IEnumerable<YamlStream> streams)
    {
        var manifests = new List<Manifest>();
        var invalid = new List<InvalidDocument>();
        foreach (var document in streams.SelectMany(s => s.Documents))
        {
            var manifest = Manifest.FromDocument(document, out var problem);
            if (manifest is null)
            {
                if (problem is not null)
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

        return (new ManifestSet(manifests), invalid);
    }

    private static IEnumerable<string> YamlFilesUnder(string directory)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden, IgnoreInaccessible = false };
        return Directory.EnumerateFiles(directory, "*", options)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Where(f => !Path.GetRelativePath(directory, f).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal);
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
                return Oversized(StandardInput, text.Length, limits ?? YamlLimits.Default);
            }
        }

        return YamlReader.Parse(StandardInput, text.ToString(), limits);
    }
}
