using Generator.Documents;
using Generator.Spelling;

namespace Generator.Lint.Views;

/// <summary>
/// A <see cref="NameReference"/> that names no object of its kind in a namespace whose objects of that kind the bundle
/// holds, and is within <see cref="MaxEdits"/> of one that is there (<see cref="Suggestions.Closest"/>): the name is
/// almost certainly misspelt, since the bundle shows what the namespace has. For Services, the Services the Tempo
/// operator creates for a Tempo instance of the namespace, and those the OpenTelemetry Operator creates for a collector
/// there, count as held. <see cref="MeantObject"/> is the object meant
/// (null for an operator-made Service), and <see cref="MeantOtherwiseUnused"/> says whether a ConfigMap or Secret meant is
/// named by no other reference of the bundle, so that a message can say the missing and the orphaned object are one
/// mistake (a Service is reached by DNS from anywhere, so the bundle cannot tell it is unused).
/// </summary>
public sealed record MisspeltReference(NameReference Reference, string Meant, Manifest? MeantObject, bool MeantOtherwiseUnused)
{
    /// <summary>
    /// Two edits rather than the one of option keys and field names: object names are long (<c>otel-collectr</c>,
    /// <c>llamastack-tracing-pach</c>) and the candidates are only the objects of one kind in one namespace, where a
    /// name that resolves to nothing is broken whether or not a suggestion is found.
    /// </summary>
    public const int MaxEdits = 2;

    /// <summary>The references of the bundle that name a missing object close to one that exists, in document order.</summary>
    public static IReadOnlyList<MisspeltReference> Find(LintContext context, IReadOnlyList<NameReference> references)
    {
        var misspelt = new List<MisspeltReference>();
        foreach (var reference in references)
        {
            if (Exists(context, reference))
            {
                continue;
            }

            var held = Held(context, reference.Kind, reference.Namespace);
            if (Suggestions.Closest(reference.Name, held.Select(h => h.Name).Distinct(StringComparer.Ordinal), MaxEdits) is not { } meant)
            {
                continue;
            }

            var meantObject = held.First(h => h.Name == meant).Object;
            var used = meantObject is null || reference.Kind == "Service"
                || references.Any(r => r.Kind == reference.Kind && r.Name == meant && ObjectRef.SameNamespace(r.Namespace, meantObject.Namespace));
            misspelt.Add(new MisspeltReference(reference, meant, meantObject, !used));
        }

        return misspelt;
    }

    private static bool Exists(LintContext context, NameReference reference) => reference.Kind == "Service"
        ? context.FindService(reference.Name, reference.Namespace) is not null || context.TempoServing(reference.Name, reference.Namespace) is not null
            || context.CollectorServing(reference.Name, reference.Namespace) is not null
        : context.Manifests.Find(reference.Kind, reference.Namespace, reference.Name) is not null;

    /// <summary>The objects of a kind the bundle holds in a namespace (a null namespace on either side matches any).</summary>
    private static List<(string Name, Manifest? Object)> Held(LintContext context, string kind, string? ns)
    {
        var held = context.Manifests.OfKind(kind)
            .Where(m => ObjectRef.SameNamespace(m.Namespace, ns))
            .Select(m => (m.Name, (Manifest?)m))
            .ToList();
        if (kind == "Service")
        {
            held.AddRange(context.Tempos.Where(t => ObjectRef.SameNamespace(t.Namespace, ns)).Select(t => (t.IngestServiceName, (Manifest?)null)));
            held.AddRange(context.OperatedServiceNames(ns).Select(name => (name, (Manifest?)null)));
        }

        return held;
    }
}
