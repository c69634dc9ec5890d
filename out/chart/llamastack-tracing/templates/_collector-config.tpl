{{/*
The collector config, byte for byte as the generator writes it (generator/Yaml/YamlWriter.cs: two-space indentation,
sequences indented under their key, keys in the generator's order): the Deployment's checksum/config annotation is the
sha256 of this text, and must equal the raw manifests' one.
*/}}

{{/*
A string scalar as YamlWriter writes it: plain when every YAML 1.1 and 1.2 reader reads it back as the same string,
else double-quoted with Go escapes (YamlWriter.Quote is written to match helm's quote). Mirrors YamlWriter.IsPlainSafe
and ScalarResolver.ResolvePlain (null, booleans, integers, floats, timestamps).
*/}}
{{- define "llamastack-tracing.yamlString" -}}
{{- $text := toString . -}}
{{- $digits := replace "_" "" $text -}}
{{- $plain := and
  (not (regexMatch "^$|^ | $|:$|^[?:,\\[\\]{}#&*!|>'\"%@`]|^-( |$)|[^\\x20-\\x7E]|: | #" $text))
  (not (regexMatch "^(~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|<<|=)$" $text))
  (not (regexMatch "^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}" $text))
  (not (and (regexMatch "^[-+.0-9]" $text) (or
    (regexMatch "^[-+]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|[0-9]+)$" $digits)
    (regexMatch "^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$" $digits)
    (regexMatch "^[-+]?\\.(inf|Inf|INF)$|^\\.(nan|NaN|NAN)$" $text)))) -}}
{{- if $plain }}{{ $text }}{{ else }}{{ quote $text }}{{ end -}}
{{- end }}

{{- define "llamastack-tracing.collectorConfig" -}}
{{- $c := .Values.collector -}}
{{- $gateway := include "llamastack-tracing.tempoGateway" . -}}
{{- $any := include "llamastack-tracing.fact" "anyAddress" -}}
{{- $k8sAttributes := include "llamastack-tracing.componentType" (dict "root" $ "kind" "processor" "type" "k8s_attributes") -}}
{{- $exporter := printf "%s/%s" (include "llamastack-tracing.componentType" (dict "root" $ "kind" "exporter" "type" "otlp_grpc")) (include "llamastack-tracing.fact" "collectorTempoExporterName") -}}
{{- $tempoService := include "llamastack-tracing.tempoObjectName" . -}}
{{- if $gateway }}{{ $tempoService = printf "%s%s" $tempoService (include "llamastack-tracing.fact" "tempoGatewaySuffix") }}{{ end -}}
{{- $endpoint := printf "%s:%s" (include "llamastack-tracing.clusterHost" (dict "service" $tempoService "namespace" .Values.namespaces.tempo)) (include "llamastack-tracing.fact" "tempoOtlpGrpcPort") -}}
receivers:
  otlp:
    protocols:
{{- if $c.receivers.grpc.enabled }}
      grpc:
        endpoint: {{ include "llamastack-tracing.yamlString" (printf "%s:%d" $any ($c.receivers.grpc.port | int64)) }}
{{- end }}
{{- if $c.receivers.http.enabled }}
      http:
        endpoint: {{ include "llamastack-tracing.yamlString" (printf "%s:%d" $any ($c.receivers.http.port | int64)) }}
{{- end }}
processors:
{{- if $c.memoryLimiter.enabled }}
  memory_limiter:
    check_interval: {{ include "llamastack-tracing.yamlString" $c.memoryLimiter.checkInterval }}
    limit_percentage: {{ $c.memoryLimiter.limitPercentage | int64 }}
    spike_limit_percentage: {{ $c.memoryLimiter.spikeLimitPercentage | int64 }}
{{- end }}
{{- if $c.k8sAttributes.enabled }}
  {{ $k8sAttributes }}:
    extract:
      metadata:
        {{- range include "llamastack-tracing.fact" "k8sAttributesMetadata" | fromJsonArray }}
        - {{ . }}
        {{- end }}
{{- end }}
  batch:
    timeout: {{ include "llamastack-tracing.yamlString" $c.batch.timeout }}
    send_batch_size: {{ $c.batch.sendBatchSize | int64 }}
exporters:
  {{ $exporter }}:
    endpoint: {{ include "llamastack-tracing.yamlString" $endpoint }}
{{- if $gateway }}
    tls:
      ca_file: {{ include "llamastack-tracing.yamlString" (include "llamastack-tracing.fact" "tempoServiceCaFile") }}
    auth:
      authenticator: bearertokenauth
    headers:
      {{ include "llamastack-tracing.fact" "tempoTenantHeader" }}: {{ include "llamastack-tracing.yamlString" (include "llamastack-tracing.collectorTenant" .) }}
{{- else }}
    tls:
      insecure: true
{{- end }}
{{- if $c.debugExporter.enabled }}
  debug:
    verbosity: {{ include "llamastack-tracing.yamlString" $c.debugExporter.verbosity }}
{{- end }}
extensions:
  health_check:
    endpoint: {{ include "llamastack-tracing.yamlString" (printf "%s:%d" $any ($c.healthCheck.port | int64)) }}
    path: {{ include "llamastack-tracing.yamlString" $c.healthCheck.path }}
{{- if $gateway }}
  bearertokenauth:
    filename: {{ include "llamastack-tracing.yamlString" (include "llamastack-tracing.fact" "tempoTokenFile") }}
{{- end }}
service:
  extensions:
    - health_check
{{- if $gateway }}
    - bearertokenauth
{{- end }}
  pipelines:
    traces:
      receivers:
        - otlp
      processors:
{{- if $c.memoryLimiter.enabled }}
        - memory_limiter
{{- end }}
{{- if $c.k8sAttributes.enabled }}
        - {{ $k8sAttributes }}
{{- end }}
        - batch
      exporters:
        - {{ $exporter }}
{{- if $c.debugExporter.enabled }}
        - debug
{{- end }}
{{ end }}
