using Generator.Facts;
using Generator.Findings;

namespace Generator.Lint.Rules;

/// <summary>
/// A password, token or key written as an env value sits in plain text in git, in the object (readable by anyone who may
/// get the Deployment or LlamaStackDistribution) and in every rendered copy. Which names look secret:
/// <see cref="SecretEnvNames"/>.
/// </summary>
public sealed class EnvPlaintextSecret : ILintRule
{
    public RuleInfo Info { get; } = new(
        "env-plaintext-secret",
        Severity.Error,
        "An env var whose name looks secret (a password, token, secret, key or credential) has a plaintext value.",
        "Put the value in a Secret and reference it with valueFrom.secretKeyRef (name and key).");

    public IEnumerable<Finding> Check(LintContext context) =>
        from workload in context.Workloads
        from container in workload.AllContainers
        from env in container.Env
        where env.Value is { IsNull: false, Text.Length: > 0 } && SecretEnvNames.LooksSecret(env.Name)
        select LintContext.Report(Info, workload.Manifest, env,
            $"env {env.Name} of container \"{container.Name}\" in {workload} has a plaintext value; use valueFrom.secretKeyRef");
}
