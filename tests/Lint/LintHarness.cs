using Generator.Findings;
using Generator.Lint;
using Generator.Schemas;
using Generator.Yaml;

namespace Generator.Tests.Lint;

/// <summary>
/// Lint in the tests: <see cref="Run"/> runs the whole linter as the lint command does, <see cref="Check"/> one rule over
/// in-memory documents joined into one file. The builders write those documents; each takes its YAML fragments
/// unindented and indents them into place.
/// </summary>
internal static class LintHarness
{
    /// <summary>The line of the <see cref="Collector"/> bundle where the config's first line sits (config line n is at n + this).</summary>
    public const int ConfigOffset = 7;

    /// <summary>OTLP receiver protocols for <see cref="Config"/>.</summary>
    public const string HttpProtocol = "http:\n  endpoint: 0.0.0.0:4318\n";

    public const string GrpcProtocol = "grpc:\n  endpoint: 0.0.0.0:4317\n";

    private const string BundleFile = "bundle.yaml";

    /// <summary>Schema validation and every rule of the catalog, with the built-in schemas and no lint config.</summary>
    public static LintReport Run(IReadOnlyList<YamlStream> streams, Severity threshold) =>
        new LintRunner(new StructuralValidator(SchemaStore.BuiltIn), RuleCatalog.Rules).Run(streams, LintConfig.Empty, threshold);

    /// <summary>The findings of one rule over the documents (each ending in a newline), read as one file.</summary>
    public static IReadOnlyList<Finding> Check(ILintRule rule, params string[] documents)
    {
        var stream = YamlReader.Parse(BundleFile, string.Join("---\n", documents));
        Assert.Empty(stream.Problems);
        var (manifests, invalid, skipped) = LintInput.Objects([stream], strict: false);
        return [.. rule.Check(new LintContext(manifests, [stream], invalid, skipped))];
    }

    /// <summary>The findings of one rule over a file's text as it is, problems of the YAML included (for the rules that report them).</summary>
    public static IReadOnlyList<Finding> CheckText(ILintRule rule, string text, YamlLimits? limits = null)
    {
        var stream = YamlReader.Parse(BundleFile, text, limits);
        var (manifests, invalid, skipped) = LintInput.Objects([stream], strict: false);
        return [.. rule.Check(new LintContext(manifests, [stream], invalid, skipped))];
    }

    /// <summary>
    /// A collector stack in <paramref name="ns"/>: ConfigMap otel-collector-config holding <paramref name="config"/> (key
    /// config.yaml; <see cref="Config"/> by default), Deployment otel-collector running <paramref name="image"/> with
    /// <c>--config=/conf/config.yaml</c>, container ports otlp-http 4318, otlp-grpc 4317 and health 13133 and a liveness
    /// probe on <paramref name="probePort"/>, and Service otel-collector with <paramref name="servicePorts"/> (by default
    /// otlp-http 4318).
    /// </summary>
    public static string Collector(string? config = null, string image = "otel/opentelemetry-collector:0.159.0", string probePort = "health", string ns = "llamastack",
        string servicePorts = "- name: otlp-http\n  port: 4318\n  targetPort: otlp-http\n")
    {
        var configMap = $"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: otel-collector-config
              namespace: {ns}
            data:
              config.yaml: |
            {Indent(config ?? Config(), 4)}

            """;
        var deployment = Deployment(
            $"""
            containers:
              - name: otel-collector
                image: {image}
                args: [--config=/conf/config.yaml]
                ports:
                  - name: otlp-http
                    containerPort: 4318
                  - name: otlp-grpc
                    containerPort: 4317
                  - name: health
                    containerPort: 13133
                livenessProbe:
                  httpGet:
                    path: /
                    port: {probePort}
                volumeMounts:
                  - name: config
                    mountPath: /conf
            volumes:
              - name: config
                configMap:
                  name: otel-collector-config
            """,
            "otel-collector",
            ns);
        var service = $"""
            apiVersion: v1
            kind: Service
            metadata:
              name: otel-collector
              namespace: {ns}
            spec:
              selector:
                app: otel-collector
              ports:
            {Indent(servicePorts, 4)}

            """;
        return string.Join("---\n", configMap, deployment, service);
    }

    /// <summary>A minimal valid collector config with a pipeline traces: otlp (HTTP on 0.0.0.0:4318 by default) → batch → the given exporters.</summary>
    public static string Config(string exporters = "debug: {}", string pipelineExporters = "[debug]", string extensions = "health_check:\n  endpoint: 0.0.0.0:13133",
        string serviceExtensions = "[health_check]", string protocols = HttpProtocol) => $"""
        receivers:
          otlp:
            protocols:
        {Indent(protocols, 6)}
        processors:
          batch: {"{}"}
        exporters:
        {Indent(exporters, 2)}
        extensions:
        {Indent(extensions, 2)}
        service:
          extensions: {serviceExtensions}
          pipelines:
            traces:
              receivers: [otlp]
              processors: [batch]
              exporters: {pipelineExporters}
        """;

    /// <summary>A TempoMonolithic <c>tracing</c> in namespace observability with <paramref name="spec"/>, and multitenancy with these tenants (then only its gateway receives traces).</summary>
    public static string Tempo(string spec = "", params string[] tenants)
    {
        var tenancy = tenants.Length == 0 ? string.Empty
            : "multitenancy:\n  enabled: true\n  mode: openshift\n  authentication:\n"
              + string.Concat(tenants.Select((t, i) => $"    - tenantName: {t}\n      tenantId: id-{i}\n"));
        return $"""
            apiVersion: tempo.grafana.com/v1alpha1
            kind: TempoMonolithic
            metadata:
              name: tracing
              namespace: observability
            spec:
            {Indent(tenancy + spec, 2)}

            """;
    }

    /// <summary>
    /// An OpenTelemetryCollector (v1beta1) <paramref name="name"/> in <paramref name="ns"/> whose spec.config is
    /// <paramref name="config"/> (<see cref="Config"/> by default; config line n is at n + <see cref="ConfigOffset"/> when
    /// <paramref name="labels"/> is empty), then mode, image (none when null) and <paramref name="spec"/>.
    /// </summary>
    public static string OperatorCollector(string? config = null, string? image = "otel/opentelemetry-collector:0.159.0", string name = "otel", string ns = "llamastack",
        string mode = "deployment", string labels = "", string spec = "")
    {
        var metadata = $"name: {name}\nnamespace: {ns}\n" + (labels.Length == 0 ? string.Empty : "labels:\n" + Indent(labels, 2) + "\n");
        var rest = $"mode: {mode}\n" + (image is null ? string.Empty : $"image: {image}\n") + (spec.Length == 0 ? string.Empty : spec.Trim('\n') + "\n");
        return $"""
            apiVersion: opentelemetry.io/v1beta1
            kind: OpenTelemetryCollector
            metadata:
            {Indent(metadata, 2)}
            spec:
              config:
            {Indent(config ?? Config(), 4)}
            {Indent(rest, 2)}

            """;
    }

    /// <summary>
    /// A TempoStack <c>tracing</c> in namespace observability on <paramref name="storage"/> (an S3 Secret tempo-s3 by
    /// default), with the gateway when <paramref name="gateway"/>, tenants in <paramref name="mode"/> when any are given,
    /// and <paramref name="spec"/>.
    /// </summary>
    public static string TempoStack(string spec = "", bool gateway = false, string mode = "openshift", string storage = "secret:\n  name: tempo-s3\n  type: s3", params string[] tenants)
    {
        var body = "storage:\n" + Indent(storage, 2) + "\n";
        if (tenants.Length > 0)
        {
            body += $"tenants:\n  mode: {mode}\n  authentication:\n" + string.Concat(tenants.Select((t, i) => $"    - tenantName: {t}\n      tenantId: id-{i}\n"));
        }

        if (gateway)
        {
            body += "template:\n  gateway:\n    enabled: true\n";
        }

        return $"""
            apiVersion: tempo.grafana.com/v1alpha1
            kind: TempoStack
            metadata:
              name: tracing
              namespace: observability
            spec:
            {Indent(body + spec, 2)}

            """;
    }

    /// <summary>A Secret <paramref name="name"/> in <paramref name="ns"/> with these stringData keys (values are placeholders).</summary>
    public static string Secret(string name, string ns, params string[] keys) => Secret(name, ns, [.. keys.Select(k => (k, "placeholder"))]);

    /// <summary>A Secret with these stringData values (each a double-quoted YAML scalar).</summary>
    public static string Secret(string name, string ns, params (string Key, string Value)[] data) =>
        $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: {name}\n  namespace: {ns}\nstringData:\n{string.Concat(data.Select(d => $"  {d.Key}: {System.Text.Json.JsonSerializer.Serialize(d.Value)}\n"))}";

    /// <summary>The console's tracing UI: the UIPlugin distributed-tracing.</summary>
    public static string UiPlugin() =>
        "apiVersion: observability.openshift.io/v1alpha1\nkind: UIPlugin\nmetadata:\n  name: distributed-tracing\nspec:\n  type: DistributedTracing\n";

    /// <summary>A Service <paramref name="name"/> in <paramref name="ns"/> with these selector lines and one port.</summary>
    public static string Service(string name, string ns, string selector, string ports = "- port: 4318\n") =>
        $"apiVersion: v1\nkind: Service\nmetadata:\n  name: {name}\n  namespace: {ns}\nspec:\n  selector:\n{Indent(selector, 4)}\n  ports:\n{Indent(ports, 4)}\n";

    /// <summary>A LlamaStackDistribution <c>llamastack</c>: the server's <paramref name="distribution"/>, container llama-stack with <paramref name="container"/> fields, and <paramref name="podOverrides"/> when given.</summary>
    public static string LlamaStack(string distribution = "name: rh-dev", string container = "", string podOverrides = "", string ns = "llamastack")
    {
        var server = $"distribution:\n  {distribution}\ncontainerSpec:\n  name: llama-stack\n";
        if (container.Length > 0)
        {
            server += Indent(container, 2) + "\n";
        }

        if (podOverrides.Length > 0)
        {
            server += "podOverrides:\n" + Indent(podOverrides, 2) + "\n";
        }

        return $"""
            apiVersion: llamastack.io/v1alpha1
            kind: LlamaStackDistribution
            metadata:
              name: llamastack
              namespace: {ns}
            spec:
              server:
            {Indent(server, 4)}

            """;
    }

    /// <summary>An OGXServer <c>ogx</c>: its <paramref name="distribution"/>, and <paramref name="workload"/> fields under spec.workload when given.</summary>
    public static string Ogx(string workload = "", string distribution = "name: starter", string ns = "llamastack")
    {
        var spec = $"distribution:\n  {distribution}\n" + (workload.Length == 0 ? string.Empty : "workload:\n" + Indent(workload, 2) + "\n");
        return $"""
            apiVersion: ogx.io/v1beta1
            kind: OGXServer
            metadata:
              name: ogx
              namespace: {ns}
            spec:
            {Indent(spec, 2)}

            """;
    }

    /// <summary>The env entries of a container as YAML (<c>env:</c> and its items), for the builders' container fields.</summary>
    public static string Env(params (string Name, string Value)[] env) =>
        "env:\n" + string.Concat(env.Select(e => $"  - name: {e.Name}\n    value: \"{e.Value}\"\n"));

    /// <summary>A Deployment <c>app</c> whose single container <c>app</c> runs <paramref name="image"/> with these env entries.</summary>
    public static string Server(string ns, string image, params (string Name, string Value)[] env) => Deployment(
        $"""
        containers:
          - name: app
            image: {image}
        {Indent(Env(env), 4)}
        """,
        ns: ns);

    /// <summary>A Deployment whose pods (labelled app: <paramref name="name"/>) have <paramref name="podSpec"/>.</summary>
    public static string Deployment(string podSpec, string name = "app", string ns = "tracing") => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          selector:
            matchLabels:
              app: {name}
          template:
            metadata:
              labels:
                app: {name}
            spec:
        {Indent(podSpec, 6)}

        """;

    /// <summary>A Deployment <c>app</c> whose single container <c>app</c> has these env entries.</summary>
    public static string App(string ns, params (string Name, string Value)[] env) => Deployment(
        $"""
        containers:
          - name: app
            image: example.com/app:1.0
            env:
        {string.Concat(env.Select(e => $"      - name: {e.Name}\n        value: \"{e.Value}\"\n"))}
        """,
        ns: ns);

    /// <summary>A Pod with <paramref name="spec"/>.</summary>
    public static string Pod(string spec, string name = "app", string ns = "tracing") => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
          namespace: {ns}
        spec:
        {Indent(spec, 2)}

        """;

    private static string Indent(string yaml, int by) =>
        string.Join('\n', yaml.Trim('\n').Split('\n').Select(l => l.Length == 0 ? l : new string(' ', by) + l));
}
