using System.Reflection;

namespace Generator.Resources;

/// <summary>Reads the files embedded into the tool at build time (templates/, schemas/sources.yaml, reference documents).</summary>
public static class EmbeddedFiles
{
    private static readonly Assembly Assembly = typeof(EmbeddedFiles).Assembly;

    /// <summary>The names of embedded files under a prefix, e.g. <c>schemas/bundle/</c>, sorted for deterministic output.</summary>
    public static IReadOnlyList<string> List(string prefix) =>
        [.. Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public static string ReadText(string name)
    {
        using var stream = Open(name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    /// <summary>An embedded file's bytes; null when the build did not embed it (callers say what is missing).</summary>
    public static byte[]? ReadBytes(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static Stream Open(string name) =>
        Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"embedded file {name} is missing from the build");
}
