using Generator.Lint;
using Generator.Output;
using Generator.Yaml;

namespace Generator.Tests.Lint.Rules;

/// <summary>
/// In-memory bundles for the collector-config rule tests: a ConfigMap holding <c>config</c> (key config.yaml), a
/// Deployment running <c>image</c> with <c>--config=/conf/config.yaml</c>, container ports otlp-http 4318 and health 13133,
/// a liveness probe on <c>health</c>, and a Service on 4318, all in namespace llamastack; plus any extra documents.
/// </summary>
internal static class CollectorConfigBundle
{
    public const string File = "bundle.yaml";

    /// <summary>The line of the ConfigMap file where the config's first line sits (config line n is at n + this).</summary>
    public const int ConfigOffset = 7;

    public static string Bundle(string config, string image = "otel/opentelemetry-collector:0.159.0", string probePort = "health", params string[] extraDocuments)
    {
        var indented = string.Join('\n', config.Trim('\n').Split('\n').Select(l => "    " + l));
        var bundle = $"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: otel-collector-config
              namespace: llamastack
            data:
              config.yaml: |
            {indented}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: otel-collector
              namespace: llamastack
            spec:
              selector:
                matchLabels:
                  app: otel-collector
              template:
                metadata:
                  labels:
                    app: otel-collector
                spec:
                  containers:
                    - name: otel-collector
                      image: {image}
                      args: [--config=/conf/config.yaml]
                      ports:
                        - name: otlp-http
                          containerPort: 4318
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
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: otel-collector
              namespace: llamastack
            spec:
              selector:
                app: otel-collector
              ports:
                - name: otlp-http
                  port: 4318
                  targetPort: otlp-http
            """;
        return string.Join("\n---\n", [bundle, .. extraDocuments]) + "\n";
    }

    /// <summary>A TempoMonolithic in namespace observability, optionally with multitenancy tenants (then only the gateway serves).</summary>
    public static string Tempo(string name = "tracing", string extraSpec = "", params string[] tenants)
    {
        var tenancy = tenants.Length == 0 ? string.Empty
            : "  multitenancy:\n    enabled: true\n    mode: openshift\n    authentication:\n"
              + string.Concat(tenants.Select((t, i) => $"      - tenantName: {t}\n        tenantId: id-{i}\n"));
        return $"apiVersion: tempo.grafana.com/v1alpha1\nkind: TempoMonolithic\nmetadata:\n  name: {name}\n  namespace: observability\nspec:\n{tenancy}{extraSpec}";
    }

    public static IReadOnlyList<Finding> Check(ILintRule rule, string yaml)
    {
        var stream = YamlReader.Parse(File, yaml);
        Assert.Empty(stream.Problems);
        var (manifests, invalid) = LintInput.Objects([stream]);
        return [.. rule.Check(new LintContext(manifests, [stream], invalid))];
    }

    /// <summary>A minimal valid config with a pipeline traces: otlp (HTTP on 0.0.0.0:4318) → batch → the given exporters.</summary>
    public static string Config(string exporters = "debug: {}", string pipelineExporters = "[debug]", string extensions = "health_check:\n  endpoint: 0.0.0.0:13133", string serviceExtensions = "[health_check]")
    {
        static string Indent(string text) => string.Join('\n', text.Trim('\n').Split('\n').Select(l => "  " + l));
        return $"""
            receivers:
              otlp:
                protocols:
                  http:
                    endpoint: 0.0.0.0:4318
            processors:
              batch: {"{}"}
            exporters:
            {Indent(exporters)}
            extensions:
            {Indent(extensions)}
            service:
              extensions: {serviceExtensions}
              pipelines:
                traces:
                  receivers: [otlp]
                  processors: [batch]
                  exporters: {pipelineExporters}
            """;
    }
}
