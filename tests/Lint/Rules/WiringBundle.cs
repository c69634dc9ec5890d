using Generator.Lint;
using Generator.Output;
using Generator.Yaml;

namespace Generator.Tests.Lint.Rules;

/// <summary>
/// In-memory bundles for the wiring, tracing-patch and hygiene rule tests: documents joined into one file, linted by one
/// rule. <see cref="Collector"/> is a collector stack in namespace <c>tracing</c> (ConfigMap, Deployment, Service);
/// <see cref="App"/> a Deployment whose single container has the given env entries.
/// </summary>
internal static class WiringBundle
{
    public const string File = "bundle.yaml";

    public static IReadOnlyList<Finding> Check(ILintRule rule, params string[] documents)
    {
        var stream = YamlReader.Parse(File, string.Join("---\n", documents));
        Assert.Empty(stream.Problems);
        var (manifests, invalid) = LintInput.Objects([stream]);
        return [.. rule.Check(new LintContext(manifests, [stream], invalid))];
    }

    /// <summary>OTLP receiver protocols as they sit under <c>protocols:</c> (indented by 10).</summary>
    public const string HttpProtocol = "          http:\n            endpoint: 0.0.0.0:4318\n";

    public const string GrpcProtocol = "          grpc:\n            endpoint: 0.0.0.0:4317\n";

    /// <summary>
    /// ConfigMap + Deployment (container ports otlp-http 4318, otlp-grpc 4317) + Service <c>otel-collector</c> in
    /// <paramref name="ns"/>; <paramref name="servicePorts"/> are Service port items (indented by 4).
    /// </summary>
    public static string Collector(string protocols = HttpProtocol, string servicePorts = "    - name: otlp-http\n      port: 4318\n      targetPort: otlp-http\n", string ns = "tracing") => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: otel-collector-config
          namespace: {ns}
        data:
          config.yaml: |
            receivers:
              otlp:
                protocols:
        {protocols}    exporters:
              debug: {"{}"}
            service:
              pipelines:
                traces:
                  receivers: [otlp]
                  exporters: [debug]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: otel-collector
          namespace: {ns}
        spec:
          template:
            metadata:
              labels:
                app: otel-collector
            spec:
              containers:
                - name: otel-collector
                  image: otel/opentelemetry-collector-contrib:0.115.0
                  args: [--config=/conf/config.yaml]
                  ports:
                    - name: otlp-http
                      containerPort: 4318
                    - name: otlp-grpc
                      containerPort: 4317
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
          namespace: {ns}
        spec:
          selector:
            app: otel-collector
          ports:
        {servicePorts}
        """;

    /// <summary>A Deployment <c>app</c> in <paramref name="ns"/> whose container <c>app</c> has these env entries.</summary>
    public static string App(string ns, params (string Name, string Value)[] env) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app
          namespace: {ns}
        spec:
          template:
            metadata:
              labels:
                app: app
            spec:
              containers:
                - name: app
                  image: example.com/app:1.0
                  env:
        {string.Concat(env.Select(e => $"            - name: {e.Name}\n              value: \"{e.Value}\"\n"))}
        """;

    /// <summary>A TempoMonolithic <c>tracing</c> in namespace observability with extra spec lines (indented by 2).</summary>
    public static string Tempo(string spec = "  storage:\n    traces:\n      backend: pv\n") =>
        $"apiVersion: tempo.grafana.com/v1alpha1\nkind: TempoMonolithic\nmetadata:\n  name: tracing\n  namespace: observability\nspec:\n{spec}";
}
