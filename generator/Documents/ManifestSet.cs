namespace Generator.Documents;

/// <summary>All objects of one run (the "bundle"): cross-resource checks look across every file in it.</summary>
public sealed class ManifestSet : IReadOnlyList<Manifest>
{
    private readonly List<Manifest> _items;
    private readonly Dictionary<string, List<Manifest>> _byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Kind, string Name), List<Manifest>> _byName = [];

    public ManifestSet(IEnumerable<Manifest> items)
    {
        _items = [.. items];
        foreach (var item in _items)
        {
            if (!_byKind.TryGetValue(item.Kind, out var list))
            {
                _byKind[item.Kind] = list = [];
            }

            list.Add(item);
            if (!_byName.TryGetValue((item.Kind, item.Name), out var named))
            {
                _byName[(item.Kind, item.Name)] = named = [];
            }

            named.Add(item);
        }
    }

    public int Count => _items.Count;

    public Manifest this[int index] => _items[index];

    public IReadOnlyList<Manifest> OfKind(string kind) => _byKind.TryGetValue(kind, out var list) ? list : [];

    /// <summary>The object of that kind and name; a null namespace on either side matches any namespace.</summary>
    public Manifest? Find(string kind, string? ns, string name) =>
        _byName.TryGetValue((kind, name), out var named)
            ? named.FirstOrDefault(m => ObjectRef.SameNamespace(m.Namespace, ns))
            : null;

    public IEnumerator<Manifest> GetEnumerator() => _items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
