using YamlDotNet.RepresentationModel;

namespace Bench.Tools;

/// <summary>
/// The baseline: read every *.yaml/*.yml file under the paths and load it into YamlDotNet's own node tree
/// (<see cref="YamlStream.Load(TextReader)"/>), nothing else. The linter's ratio to this is what the target is about.
/// </summary>
public static class BareParse
{
    public static int Run(IEnumerable<string> paths)
    {
        var files = paths.SelectMany(p => Directory.Exists(p)
            ? Directory.EnumerateFiles(p, "*.y*ml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : (IEnumerable<string>)[p]);
        var documents = 0;
        var count = 0;
        foreach (var file in files)
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(file);
            stream.Load(reader);
            documents += stream.Documents.Count;
            count++;
        }

        Console.WriteLine($"parsed {documents} documents in {count} files");
        return 0;
    }
}
