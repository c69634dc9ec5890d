namespace Generator.Tests.Architecture;

/// <summary>
/// The folders of generator/ are layers that only point down: no folder depends on a folder that depends back on it,
/// directly or through others, so each one can be read, tested and changed knowing only what lies below it.
/// <para>
/// The unit is the top-level folder: its subfolders (<c>Lint/Rules</c>, <c>Lint/Views</c>, <c>Schemas/Cel</c>,
/// <c>Schemas/Checks</c>) are parts of one layer that call each other both ways by design — the schema walker runs the
/// checks and the checks report into the walker's run, the lint context builds the views the rules read — so cycles
/// between them are the layer's own business, not a tangle between layers.
/// </para>
/// </summary>
public sealed class LayeringTests
{
    /// <summary>The top: the command line and the entry point may use every layer, and no layer may use them.</summary>
    private static readonly string[] Top = ["Cli", "Program.cs"];

    private static FolderGraph Graph => FolderGraph.OfGenerator;

    [Fact]
    public void Folders_FormNoCycle()
    {
        var cycles = Graph.Cycles();

        Assert.True(cycles.Count == 0, "generator/ folders that depend on each other:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void NoFolder_DependsOnTheTop()
    {
        var upward = Graph.Edges.Where(e => Top.Contains(e.To) && !Top.Contains(e.From)).Select(e => $"{e.From} -> {e.To}: {e.Evidence}").ToList();

        Assert.True(upward.Count == 0, "only Cli and Program.cs may use Cli:\n" + string.Join("\n", upward));
    }

    [Fact]
    public void EveryFile_DeclaresTheNamespaceOfItsFolder()
    {
        var misplaced = Graph.Namespaces
            .Where(f => f.File != "Program.cs")
            .Select(f => (f.File, f.Namespace, Expected: string.Join('.', ["Generator", .. f.File.Split('/')[..^1]])))
            .Where(f => f.Namespace != f.Expected)
            .Select(f => $"{f.File}: namespace {f.Namespace}, expected {f.Expected}")
            .ToList();

        Assert.True(misplaced.Count == 0, string.Join("\n", misplaced));
    }

    /// <summary>Each way a C# file can name another folder's code is an edge, including those a text search misses.</summary>
    [Fact]
    public void Graph_SeesEveryKindOfReference()
    {
        var root = Directory.CreateTempSubdirectory("layering-").FullName;
        try
        {
            Write(root, "Program.cs", "return Generator.Cli.App.Run();");
            Write(root, "Info.cs", "namespace Generator;\npublic static class Info { public const int Version = 1; }");
            Write(root, "Cli/App.cs", "using Generator.Using;\nnamespace Generator.Cli;\npublic static class App { public static int Run() => Used.Value; }");
            Write(root, "Using/Used.cs", "namespace Generator.Using;\npublic static class Used { public static int Value => Generator.Qualified.Target.Value + Info.Version; }");
            Write(root, "Qualified/Target.cs", "namespace Generator.Qualified;\npublic static class Target { public static int Value => Partly.Sub.Deep.Value; }");
            Write(root, "Partly/Sub/Deep.cs", "namespace Generator.Partly.Sub;\n/// <summary>See <see cref=\"Generator.Cref.Documented\"/>.</summary>\npublic static class Deep { public static int Value => 2; }");
            Write(root, "Cref/Documented.cs", "namespace Generator.Cref;\npublic static class Documented;");
            Write(root, "Partly/Extended.cs", "using Generator.Extension;\nnamespace Generator.Partly;\npublic static class Extended { public static int Use() => 1.Twice(); }");
            Write(root, "Extension/Twice.cs", "namespace Generator.Extension;\npublic static class TwiceExtension { public static int Twice(this int x) => x * 2; }");
            Write(root, "Implicit/Maker.cs", "namespace Generator.Implicit;\npublic static class Maker { public static Generator.Created.Thing Make() => new(); }");
            Write(root, "Implicit/User.cs", "namespace Generator.Implicit;\npublic static class User { public static void Use() { var thing = Maker.Make(); _ = thing; } }");
            Write(root, "Created/Thing.cs", "namespace Generator.Created;\npublic sealed class Thing;");

            var edges = FolderGraph.Build(root).Edges.Select(e => (e.From, e.To)).ToHashSet();

            Assert.Contains(("Program.cs", "Cli"), edges); // fully qualified, from the root
            Assert.Contains(("Cli", "Using"), edges); // a using directive
            Assert.Contains(("Using", "Qualified"), edges); // fully qualified
            Assert.Contains(("Using", "Info.cs"), edges); // the root namespace, seen without a using
            Assert.Contains(("Qualified", "Partly"), edges); // partly qualified, inside Generator.*: the subfolder counts as Partly
            Assert.Contains(("Partly", "Cref"), edges); // a cref
            Assert.Contains(("Partly", "Extension"), edges); // an extension method
            Assert.Contains(("Implicit", "Created"), edges);
            Assert.DoesNotContain(("Cref", "Partly"), edges);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Cycles_NameTheShortestCycleAndItsEdges()
    {
        var graph = FolderGraph.Of(
            new("A", "B", "a.cs uses B"),
            new("B", "C", "b.cs uses C"),
            new("C", "A", "c.cs uses A"),
            new("B", "A", "b.cs uses A"),
            new("C", "D", "c.cs uses D"));

        var cycle = Assert.Single(graph.Cycles());

        Assert.StartsWith("A -> B -> A\n", cycle, StringComparison.Ordinal);
        Assert.Contains("cycle among A, B, C;", cycle, StringComparison.Ordinal);
        Assert.Contains("C -> A: c.cs uses A", cycle, StringComparison.Ordinal);
        Assert.DoesNotContain("C -> D", cycle, StringComparison.Ordinal);
    }

    [Fact]
    public void Cycles_NoneInALayeredGraph()
    {
        var graph = FolderGraph.Of(new("A", "B", "a.cs uses B"), new("B", "C", "b.cs uses C"), new("A", "C", "a.cs uses C"));

        Assert.Empty(graph.Cycles());
    }

    private static void Write(string root, string file, string text)
    {
        var path = Path.Combine(root, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text + "\n");
    }
}
