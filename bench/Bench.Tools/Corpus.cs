using Generator.Options;
using Generator.Output;
using Generator.Render;

namespace Bench.Tools;

/// <summary>
/// Writes a lint corpus of at least N documents: the stack rendered by the generator itself under many option sets, each
/// in its own namespaces (so the bundle stays coherent for cross-resource rules), one directory of manifests per render.
/// </summary>
public static class Corpus
{
    private static readonly string[][] Variants =
    [
        [],
        ["profile=cluster-observability"],
        ["patch.strategy=none", "collector.receivers.grpc.enabled=true"],
        ["collector.image.tag=0.120.0", "collector.memoryLimiter.enabled=true"],
        ["profile=cluster-observability", "collector.image.tag=0.140.0", "tempo.storage.backend=s3", "tempo.storage.secret=tempo-s3", "tempo.storage.size="],
        ["tempo.jaegerUi.route.enabled=false", "tempo.jaegerUi.ingress.enabled=true", "collector.debugExporter.enabled=false"],
    ];

    public static int Write(string directory, int documents)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        var written = 0;
        for (var i = 0; written < documents; i++)
        {
            var sets = Variants[i % Variants.Length].Concat(
            [
                $"namespaces.application=app-{i}",
                $"namespaces.tempo=tempo-{i}",
                $"tempo.name=tracing-{i}",
                $"instance=corpus-{i}",
            ]).ToArray();
            var result = RenderPipeline.Render(OptionsLoader.Load(null, sets), _ => []);
            var manifests = result.Files
                .Where(f => f.RelativePath.StartsWith(ManifestRenderer.Directory + "/", StringComparison.Ordinal)
                            && !f.RelativePath.EndsWith(ManifestRenderer.KustomizationFile, StringComparison.Ordinal))
                .ToList();
            OutputWriter.Write(Path.Combine(directory, $"render-{i:D5}"), manifests);
            written += manifests.Sum(f => f.Content.Split("\n---\n").Length);
        }

        Console.WriteLine($"corpus: {written} documents in {directory}");
        return 0;
    }
}
