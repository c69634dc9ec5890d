using Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Generator.Tests.Architecture;

/// <summary>One dependency of a folder on another, with the first place in the code that makes it.</summary>
public sealed record FolderEdge(string From, string To, string Evidence);

/// <summary>
/// Which top-level folder of generator/ uses which, read with the C# compiler rather than with patterns over the text.
/// A node is a top-level entry of generator/: a folder (its subfolders belong to it: <c>Lint/Rules/X.cs</c> is in
/// <c>Lint</c>) or a file directly in generator/ (<c>Program.cs</c>, <c>ToolInfo.cs</c>).
/// <para>
/// Every name in a file — in <c>using</c> directives, fully qualified (<c>Generator.Facts.X</c>), partly qualified
/// (<c>Model.X</c>, which resolves inside any <c>Generator.*</c> namespace without a using), plain, in a
/// <c>&lt;see cref&gt;</c> — is bound by the compiler, and the file depends on the folders of the files that declare what
/// it names (a namespace <c>Generator.X</c> counts as folder X). Binding is what makes the graph complete: a text search
/// for <c>Generator.X</c> misses partly qualified names and the root namespace <c>Generator</c>, which every file sees
/// without a using.
/// </para>
/// </summary>
public sealed class FolderGraph
{
    /// <summary>The SDK's implicit usings (ImplicitUsings=enable), which the build adds as a generated file.</summary>
    private const string ImplicitUsings =
        "global using System;\nglobal using System.Collections.Generic;\nglobal using System.IO;\nglobal using System.Linq;\n"
        + "global using System.Net.Http;\nglobal using System.Threading;\nglobal using System.Threading.Tasks;\n";

    /// <summary>
    /// Errors expected from compiling without the build's source generators: the partial methods that
    /// [GeneratedRegex] and [LibraryImport] implement have no implementation here. Any other error means a name may
    /// not have bound, so the graph could miss an edge.
    /// </summary>
    private static readonly HashSet<string> ExpectedErrors = ["CS8795"];

    private FolderGraph(IReadOnlyList<string> nodes, IReadOnlyList<FolderEdge> edges, IReadOnlyList<(string File, string Namespace)> namespaces)
    {
        Nodes = nodes;
        Edges = edges;
        Namespaces = namespaces;
    }

    /// <summary>A graph of given edges (the tests of the cycle search use it).</summary>
    public static FolderGraph Of(params FolderEdge[] edges) =>
        new([.. edges.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal)], edges, []);

    public static string SourceRoot => Path.Combine(TestPaths.RepoRoot, "generator");

    /// <summary>The generator's folder graph, built once for all tests (compiling the generator takes a few seconds).</summary>
    public static FolderGraph OfGenerator { get; } = Build(SourceRoot);

    public IReadOnlyList<string> Nodes { get; }

    /// <summary>Every edge between two different nodes, once, in order.</summary>
    public IReadOnlyList<FolderEdge> Edges { get; }

    /// <summary>Each file (relative to generator/) with the namespace it declares ("" for none).</summary>
    public IReadOnlyList<(string File, string Namespace)> Namespaces { get; }

    /// <summary>The node a file belongs to: the first segment of its path below generator/.</summary>
    public static string NodeOf(string relativePath) => relativePath.Replace('\\', '/').Split('/')[0];

    public static FolderGraph Build(string sourceRoot)
    {
        var files = Directory.EnumerateFiles(sourceRoot, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(sourceRoot, f).Replace('\\', '/'))
            .Where(f => NodeOf(f) is not ("bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var options = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Parse);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(sourceRoot, f)), options, path: f)).ToList();
        var compilation = CSharpCompilation.Create(
            "layering",
            [.. trees, CSharpSyntaxTree.ParseText(ImplicitUsings, options, path: "(implicit usings)")],
            References(),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

        var unexpected = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && !ExpectedErrors.Contains(d.Id))
            .Select(d => d.ToString())
            .ToList();
        if (unexpected.Count > 0)
        {
            throw new InvalidOperationException($"{sourceRoot} does not compile as the layering test reads it:\n" + string.Join("\n", unexpected.Take(20)));
        }

        var nodes = files.Select(NodeOf).Distinct().Order(StringComparer.Ordinal).ToList();
        var edges = new Dictionary<(string, string), FolderEdge>();
        var namespaces = new List<(string, string)>();
        foreach (var tree in trees)
        {
            var from = NodeOf(tree.FilePath);
            var model = compilation.GetSemanticModel(tree);
            var root = tree.GetCompilationUnitRoot();
            namespaces.Add((tree.FilePath, root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString() ?? string.Empty));
            foreach (var node in root.DescendantNodes(descendIntoTrivia: true))
            {
                foreach (var symbol in Referenced(model, node))
                {
                    foreach (var to in NodesOf(symbol, nodes))
                    {
                        if (to != from && !edges.ContainsKey((from, to)))
                        {
                            var line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                            edges[(from, to)] = new FolderEdge(from, to, $"{tree.FilePath}:{line} uses {symbol.ToDisplayString()}");
                        }
                    }
                }
            }
        }

        var ordered = edges.Values.OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ToList();
        return new FolderGraph(nodes, ordered, namespaces);
    }

    /// <summary>
    /// The nodes on cycles, one group per strongly connected component of two or more nodes, each with a shortest
    /// cycle through its first node and every edge inside it, e.g. <c>Lint -> Output -> Lint</c>.
    /// </summary>
    public IReadOnlyList<string> Cycles()
    {
        var successors = Nodes.ToDictionary(n => n, n => Edges.Where(e => e.From == n).Select(e => e.To).ToList(), StringComparer.Ordinal);
        var cycles = new List<string>();
        foreach (var component in StronglyConnected(Nodes, successors).Where(c => c.Count > 1))
        {
            var members = component.ToHashSet(StringComparer.Ordinal);
            var inside = Edges.Where(e => members.Contains(e.From) && members.Contains(e.To));
            cycles.Add($"{string.Join(" -> ", ShortestCycle(component[0], members, successors))}\n  "
                + $"(cycle among {string.Join(", ", component)}; its edges:\n    {string.Join("\n    ", inside.Select(e => $"{e.From} -> {e.To}: {e.Evidence}"))})");
        }

        return cycles;
    }

    private static IEnumerable<ISymbol> Referenced(SemanticModel model, SyntaxNode node)
    {
        switch (node)
        {
            case SimpleNameSyntax name:
                var info = model.GetSymbolInfo(name);
                return info.Symbol is { } symbol ? [symbol] : info.CandidateSymbols;
            case ImplicitObjectCreationExpressionSyntax creation:
                // new() names no type: the type it creates comes from the target.
                return model.GetTypeInfo(creation).Type is { } type ? [type] : [];
            default:
                return [];
        }
    }

    private static IEnumerable<string> NodesOf(ISymbol symbol, IReadOnlyList<string> nodes)
    {
        if (symbol is INamespaceSymbol ns)
        {
            var parts = ns.ToDisplayString().Split('.');
            return parts.Length > 1 && parts[0] == "Generator" && nodes.Contains(parts[1]) ? [parts[1]] : [];
        }

        var declared = symbol.OriginalDefinition;
        if (declared is IMethodSymbol { ReducedFrom: { } extension })
        {
            declared = extension;
        }

        var references = declared.DeclaringSyntaxReferences;
        if (references.IsEmpty && declared.ContainingType is { } owner)
        {
            references = owner.OriginalDefinition.DeclaringSyntaxReferences;
        }

        return references.Select(r => r.SyntaxTree.FilePath).Where(p => p.Length > 0 && !p.StartsWith('(')).Select(NodeOf).Distinct();
    }

    /// <summary>The assemblies the test runs with (the framework and the generator's packages), but not the generator itself.</summary>
    private static IEnumerable<MetadataReference> References()
    {
        var own = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "generator.dll", "Generator.Tests.dll" };
        var assemblies = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return assemblies.Where(a => !own.Contains(Path.GetFileName(a))).Select(a => MetadataReference.CreateFromFile(a));
    }

    /// <summary>Tarjan's algorithm; components and their members in a stable order (members sorted).</summary>
    private static List<List<string>> StronglyConnected(IReadOnlyList<string> nodes, Dictionary<string, List<string>> successors)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in successors[node])
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                components.Add([.. component.Order(StringComparer.Ordinal)]);
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return [.. components.OrderBy(c => c[0], StringComparer.Ordinal)];
    }

    /// <summary>A shortest path from <paramref name="start"/> back to itself inside one component (breadth first).</summary>
    private static List<string> ShortestCycle(string start, HashSet<string> members, Dictionary<string, List<string>> successors)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var next in successors[node].Where(members.Contains).Order(StringComparer.Ordinal))
            {
                if (next == start)
                {
                    var path = new List<string> { start };
                    for (var at = node; at != start; at = previous[at])
                    {
                        path.Insert(1, at);
                    }

                    path.Add(start);
                    return path;
                }

                if (previous.TryAdd(next, node))
                {
                    queue.Enqueue(next);
                }
            }
        }

        throw new InvalidOperationException($"{start} is on no cycle of its component");
    }
}
