using Generator.Documents;
using Generator.Findings;
using Generator.Yaml;

namespace Generator.Lint.Rules;

/// <summary>
/// Containers should meet the restricted Pod Security Standard. Namespaces enforcing it (and OpenShift's restricted-v2
/// SCC) reject pods that could escalate privileges, keep capabilities, run as root or run without a seccomp profile, so
/// the Deployment never gets pods; elsewhere a compromised container has more to work with than it needs. A
/// LlamaStackDistribution or OGXServer is skipped: its operator builds the pod, and the CRD has no securityContext fields.
/// </summary>
public sealed class SecurityContextRestricted : ILintRule
{
    private static readonly string[] AllowedSeccomp = ["RuntimeDefault", "Localhost"];

    public RuleInfo Info { get; } = new(
        "security-context-restricted",
        Severity.Warning,
        "A container lacks the restricted securityContext settings (no privilege escalation, capabilities dropped, non-root, seccomp).",
        "Set allowPrivilegeEscalation: false and capabilities.drop: [ALL] on the container, and runAsNonRoot: true and seccompProfile.type: RuntimeDefault on the pod or the container.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var workload in context.Workloads.Where(w => !w.OperatorBuilt))
        {
            var pod = workload.PodSecurityContext;
            foreach (var container in workload.AllContainers)
            {
                var own = container.SecurityContext;
                var missing = new List<string>();
                if (own?.GetScalar("allowPrivilegeEscalation")?.AsBoolean() != false)
                {
                    missing.Add("allowPrivilegeEscalation: false");
                }

                if (own?.GetMapping("capabilities")?.GetSequence("drop")?.OfType<YamlScalar>().Any(s => s.Text == "ALL") != true)
                {
                    missing.Add("capabilities.drop: [ALL]");
                }

                if ((own?.GetScalar("runAsNonRoot") ?? pod?.GetScalar("runAsNonRoot"))?.AsBoolean() != true)
                {
                    missing.Add("runAsNonRoot: true (pod or container)");
                }

                var seccomp = (own?.GetMapping("seccompProfile") ?? pod?.GetMapping("seccompProfile"))?.GetString("type");
                if (seccomp is null || !AllowedSeccomp.Contains(seccomp))
                {
                    missing.Add("seccompProfile.type: RuntimeDefault (pod or container)");
                }

                if (missing.Count > 0)
                {
                    yield return LintContext.Report(Info, workload.Manifest, (YamlNode?)container.Node.Find("securityContext")?.Key ?? container.Node,
                        own is null ? container.Path : FieldPath.Child(container.Path, "securityContext"),
                        $"container \"{container.Name}\" of {workload} lacks restricted securityContext settings: {string.Join(", ", missing)}");
                }
            }
        }
    }
}
