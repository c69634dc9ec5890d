{{/*
Named values and fragments of the llamastack-tracing stack, written by the generator from the same description
as its raw manifests (generator/Model/); the parity tests prove with helm template that both render the same objects.
*/}}

{{/*
A string scalar as the generator's YamlWriter writes it: plain when every YAML 1.1 and 1.2 reader reads it back as
the same string, else double-quoted with Go escapes (YamlWriter.Quote matches helm's quote). The patterns are the
generator's own (generator/Yaml/PlainScalars.cs).
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

{{/*
The collector config, byte for byte as the generator writes it (the checksum/config annotation is its sha256).
*/}}
{{- define "llamastack-tracing.collector.config" -}}
receivers:
  otlp:
    protocols:
      {{- if or .Values.collector.receivers.grpc.enabled .Values.collector.receivers.http.enabled }}
      {{- if .Values.collector.receivers.grpc.enabled }}
      grpc:
        endpoint: {{ include "llamastack-tracing.yamlString" (printf "0.0.0.0:%d" (int64 .Values.collector.receivers.grpc.port)) }}
      {{- end }}
      {{- if .Values.collector.receivers.http.enabled }}
      http:
        endpoint: {{ include "llamastack-tracing.yamlString" (printf "0.0.0.0:%d" (int64 .Values.collector.receivers.http.port)) }}
      {{- end }}
      {{- else }} {}
      {{- end }}
processors:
  {{- if .Values.collector.memoryLimiter.enabled }}
  memory_limiter:
    check_interval: {{ include "llamastack-tracing.yamlString" .Values.collector.memoryLimiter.checkInterval }}
    limit_percentage: {{ .Values.collector.memoryLimiter.limitPercentage | int64 }}
    spike_limit_percentage: {{ .Values.collector.memoryLimiter.spikeLimitPercentage | int64 }}
  {{- end }}
  {{- if .Values.collector.k8sAttributes.enabled }}
  {{ include "llamastack-tracing.yamlString" (include "llamastack-tracing.collector.k8sAttributesType" .) }}:
    extract:
      metadata:
        - k8s.namespace.name
        - k8s.pod.name
        - k8s.deployment.name
        - k8s.node.name
  {{- end }}
  batch:
    timeout: {{ include "llamastack-tracing.yamlString" .Values.collector.batch.timeout }}
    send_batch_size: {{ .Values.collector.batch.sendBatchSize | int64 }}
exporters:
  {{ include "llamastack-tracing.yamlString" (include "llamastack-tracing.collector.tempoExporterId" .) }}:
    endpoint: {{ include "llamastack-tracing.yamlString" (include "llamastack-tracing.tempo.otlpGrpcEndpoint" .) }}
    {{- if not (include "llamastack-tracing.tempo.gateway" .) }}
    tls:
      insecure: true
    {{- end }}
    {{- if include "llamastack-tracing.tempo.gateway" . }}
    tls:
      ca_file: /var/run/secrets/kubernetes.io/serviceaccount/service-ca.crt
    {{- end }}
    {{- if include "llamastack-tracing.tempo.gateway" . }}
    auth:
      authenticator: bearertokenauth
    {{- end }}
    {{- if include "llamastack-tracing.tempo.multiTenant" . }}
    headers:
      X-Scope-OrgID: {{ include "llamastack-tracing.yamlString" (include "llamastack-tracing.collector.tenant" .) }}
    {{- end }}
  {{- if .Values.collector.debugExporter.enabled }}
  debug:
    verbosity: {{ include "llamastack-tracing.yamlString" .Values.collector.debugExporter.verbosity }}
  {{- end }}
  {{- if include "llamastack-tracing.collector.metricsPipeline" . }}
  debug/metrics:
    verbosity: basic
  {{- end }}
extensions:
  health_check:
    endpoint: {{ include "llamastack-tracing.yamlString" (printf "0.0.0.0:%d" (int64 .Values.collector.healthCheck.port)) }}
    path: {{ include "llamastack-tracing.yamlString" .Values.collector.healthCheck.path }}
  {{- if include "llamastack-tracing.tempo.gateway" . }}
  bearertokenauth:
    filename: /var/run/secrets/kubernetes.io/serviceaccount/token
  {{- end }}
service:
  extensions:
    - health_check
    {{- if include "llamastack-tracing.tempo.gateway" . }}
    - bearertokenauth
    {{- end }}
  pipelines:
    traces:
      receivers:
        - otlp
      processors:
        {{- if .Values.collector.memoryLimiter.enabled }}
        - memory_limiter
        {{- end }}
        {{- if .Values.collector.k8sAttributes.enabled }}
        - {{ include "llamastack-tracing.yamlString" (include "llamastack-tracing.collector.k8sAttributesType" .) }}
        {{- end }}
        - batch
      exporters:
        - {{ include "llamastack-tracing.yamlString" (include "llamastack-tracing.collector.tempoExporterId" .) }}
        {{- if .Values.collector.debugExporter.enabled }}
        - debug
        {{- end }}
    {{- if include "llamastack-tracing.collector.metricsPipeline" . }}
    metrics:
      receivers:
        - otlp
      processors:
        {{- if .Values.collector.memoryLimiter.enabled }}
        - memory_limiter
        {{- end }}
        - batch
      exporters:
        - debug/metrics
    {{- end }}
{{ end }}

{{/*
The collector's ConfigMap: <name>-config.
*/}}
{{- define "llamastack-tracing.collector.configMapName" -}}
{{- printf "%s-config" .Values.collector.name }}
{{- end }}

{{/*
The k8sattributes processor's type as the collector release in use names it.
*/}}
{{- define "llamastack-tracing.collector.k8sAttributesType" -}}
{{- ternary "k8sattributes" "k8s_attributes" (semverCompare "<0.146.0" (default "0.0.0" (include "llamastack-tracing.collector.version" .))) }}
{{- end }}

{{/*
Labels of the objects of opentelemetry-collector.
*/}}
{{- define "llamastack-tracing.collector.labels" -}}
app.kubernetes.io/name: opentelemetry-collector
app.kubernetes.io/instance: {{ .Release.Name | quote }}
app.kubernetes.io/version: 0.1.0
app.kubernetes.io/component: trace-collector
app.kubernetes.io/part-of: llamastack-tracing
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" | quote }}
{{- end }}

{{/*
Whether the collector has a metrics pipeline for the server's OTLP metrics: llamaStack.metrics is collector.
*/}}
{{- define "llamastack-tracing.collector.metricsPipeline" -}}
{{- if not (eq .Values.llamaStack.metrics "none") }}true{{ end }}
{{- end }}

{{/*
The collector needs a ServiceAccount and RBAC: for the Tempo gateway (tenant write access) and for k8sattributes.
*/}}
{{- define "llamastack-tracing.collector.needsRbac" -}}
{{- if or (include "llamastack-tracing.tempo.gateway" .) .Values.collector.k8sAttributes.enabled }}true{{ end }}
{{- end }}

{{/*
The collector's OTLP endpoint for LlamaStack: the HTTP receiver when open, else gRPC, on the collector's Service.
*/}}
{{- define "llamastack-tracing.collector.otlpEndpoint" -}}
{{- printf "http://%s.%s.svc.cluster.local:%d" (include "llamastack-tracing.collector.serviceName" .) .Values.namespaces.application (ternary (int64 .Values.collector.receivers.http.port) (int64 .Values.collector.receivers.grpc.port) .Values.collector.receivers.http.enabled) }}
{{- end }}

{{/*
Labels that select the pods of opentelemetry-collector: name and instance only, so the immutable selector survives upgrades.
*/}}
{{- define "llamastack-tracing.collector.selectorLabels" -}}
app.kubernetes.io/name: opentelemetry-collector
app.kubernetes.io/instance: {{ .Release.Name | quote }}
{{- end }}

{{/*
The collector's Service: <name>, or in operator mode the OpenTelemetry Operator's <name>-collector.
*/}}
{{- define "llamastack-tracing.collector.serviceName" -}}
{{- ternary (printf "%s-collector" .Values.collector.name) .Values.collector.name (eq .Values.collector.mode "operator") }}
{{- end }}

{{/*
The id of the exporter towards Tempo: its type as the collector release in use names it, /tempo.
*/}}
{{- define "llamastack-tracing.collector.tempoExporterId" -}}
{{- printf "%s/tempo" (ternary "otlp" "otlp_grpc" (semverCompare "<0.144.0" (default "0.0.0" (include "llamastack-tracing.collector.version" .)))) }}
{{- end }}

{{/*
The tenant the collector writes to: collector.tenant, else the first tenant.
*/}}
{{- define "llamastack-tracing.collector.tenant" -}}
{{- default (get (first .Values.tempo.multitenancy.tenants | default dict) "name") .Values.collector.tenant }}
{{- end }}

{{/*
Whether collector.tenant names one of Tempo's tenants.
*/}}
{{- define "llamastack-tracing.collector.tenantExists" -}}
{{- $found := false }}
{{- range $item := .Values.tempo.multitenancy.tenants }}
{{- if eq $item.name $.Values.collector.tenant }}{{ $found = true }}{{ end }}
{{- end }}
{{- if $found }}true{{ end }}
{{- end }}

{{/*
The collector release (x.y.z): collector.version, else the image tag without a leading v or a -/+ build suffix.
*/}}
{{- define "llamastack-tracing.collector.version" -}}
{{- trimSuffix "+" (trimSuffix "-" (trimPrefix "v" (regexFind "^v?[0-9]{1,4}\\.[0-9]{1,4}\\.[0-9]{1,4}($|[-+])" (default .Values.collector.image.tag .Values.collector.version)))) }}
{{- end }}

{{/*
The LlamaStack generation the server runs (ogx for an OGXServer, else from llamaStack.version): it decides the env vars, the start-up hook and the metrics pipeline.
*/}}
{{- define "llamastack-tracing.llamaStack.generation" -}}
{{- if eq .Values.llamaStack.kind "OGXServer" -}}
{{ "ogx" }}
{{- else if regexMatch "^0\\.2\\.([0-9]|1[0-2])$" .Values.llamaStack.version -}}
{{ "0.2.0-0.2.12" }}
{{- else if regexMatch "^0\\.2\\.1[34]$" .Values.llamaStack.version -}}
{{ "0.2.13-0.2.14" }}
{{- else if regexMatch "^0\\.2\\.(1[5-9]|[2-9][0-9]|[1-9][0-9]{2,})$" .Values.llamaStack.version -}}
{{ "0.2.15-0.2.x" }}
{{- else if regexMatch "^0\\.3\\.[0-9]+$" .Values.llamaStack.version -}}
{{ "0.3.x" }}
{{- else if regexMatch "^0\\.[4-6]\\.[0-9]+$" .Values.llamaStack.version -}}
{{ "0.4.x-0.6.x" }}
{{- else if regexMatch "^(0\\.([7-9]|[1-9][0-9]+)|[1-9][0-9]*\\.[0-9]+)\\.[0-9]+$" .Values.llamaStack.version -}}
{{ "0.7.x-and-later" }}
{{- end -}}
{{- end }}

{{/*
The release in the tag of llamaStack.distribution.image (empty when the tag is not one).
*/}}
{{- define "llamastack-tracing.llamaStack.imageRelease" -}}
{{- trimSuffix "-" (trimSuffix "@" (trimSuffix "+" (trimSuffix "." (trimPrefix "v" (trimPrefix ":" (regexFind ":v?[0-9]+\\.[0-9]+\\.[0-9]+([.+@-]|$)" .Values.llamaStack.distribution.image)))))) }}
{{- end }}

{{/*
Labels of the objects of llama-stack.
*/}}
{{- define "llamastack-tracing.llamaStack.labels" -}}
app.kubernetes.io/name: llama-stack
app.kubernetes.io/instance: {{ .Release.Name | quote }}
app.kubernetes.io/version: 0.1.0
app.kubernetes.io/component: server
app.kubernetes.io/part-of: llamastack-tracing
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" | quote }}
{{- end }}

{{/*
Whether llamaStack.extraEnv sets TELEMETRY_SINKS with otel_trace.
*/}}
{{- define "llamastack-tracing.llamaStack.userOtelTraceSink" -}}
{{- $found := false }}
{{- range $item := .Values.llamaStack.extraEnv }}
{{- if and (eq $item.name "TELEMETRY_SINKS") (hasKey $item "value") (regexMatch "(^|,) *otel_trace *(,|$)" $item.value) }}{{ $found = true }}{{ end }}
{{- end }}
{{- if $found }}true{{ end }}
{{- end }}

{{/*
Whether llamaStack.extraEnv sets PYTHONPATH (the tracing fix's directory is then appended to it).
*/}}
{{- define "llamastack-tracing.llamaStack.userPythonPath" -}}
{{- $found := false }}
{{- range $item := .Values.llamaStack.extraEnv }}
{{- if eq $item.name "PYTHONPATH" }}{{ $found = true }}{{ end }}
{{- end }}
{{- if $found }}true{{ end }}
{{- end }}

{{/*
Whether llamaStack.extraEnv sets TELEMETRY_SINKS (otel_trace is then appended to it on LlamaStack 0.2.15 and later 0.2.x).
*/}}
{{- define "llamastack-tracing.llamaStack.userTelemetrySinks" -}}
{{- $found := false }}
{{- range $item := .Values.llamaStack.extraEnv }}
{{- if eq $item.name "TELEMETRY_SINKS" }}{{ $found = true }}{{ end }}
{{- end }}
{{- if $found }}true{{ end }}
{{- end }}

{{/*
The ConfigMap key (and chart file under files/) holding the tracing fix of the patch strategy.
*/}}
{{- define "llamastack-tracing.patch.file" -}}
{{- ternary "sitecustomize.py" "tracing.py" (eq (include "llamastack-tracing.patch.strategy" .) "sitecustomize") }}
{{- end }}

{{/*
The patch strategy in use: patch.strategy, or for auto sitecustomize where the start-up hook serves the LlamaStack generation (0.2 to 0.6) and none where it is auto-instrumented.
*/}}
{{- define "llamastack-tracing.patch.strategy" -}}
{{- ternary (ternary "sitecustomize" "none" (or (has (include "llamastack-tracing.llamaStack.generation" .) (list "0.2.0-0.2.12" "0.2.13-0.2.14" "0.2.15-0.2.x" "0.3.x")) (has (include "llamastack-tracing.llamaStack.generation" .) (list "0.4.x-0.6.x")))) .Values.patch.strategy (eq .Values.patch.strategy "auto") }}
{{- end }}

{{/*
The directory of the package the tracing fix patches, in the LlamaStack image.
*/}}
{{- define "llamastack-tracing.patch.telemetryDirectory" -}}
{{- printf "%s/llama_stack/providers/utils/telemetry" (regexReplaceAllLiteral "/+$" .Values.patch.sitePackages "") }}
{{- end }}

{{/*
Container requests and limits with their non-empty quantities (nothing when none is set).
*/}}
{{- define "llamastack-tracing.resources" -}}
{{- if or .requests.cpu .requests.memory }}
requests:
  {{- if .requests.cpu }}
  cpu: {{ .requests.cpu | quote }}
  {{- end }}
  {{- if .requests.memory }}
  memory: {{ .requests.memory | quote }}
  {{- end }}
{{- end }}
{{- if or .limits.cpu .limits.memory }}
limits:
  {{- if .limits.cpu }}
  cpu: {{ .limits.cpu | quote }}
  {{- end }}
  {{- if .limits.memory }}
  memory: {{ .limits.memory | quote }}
  {{- end }}
{{- end }}
{{- end }}

{{/*
Whether the operator puts its gateway in front of Tempo: multi-tenant, and for a TempoStack tempo.stack.gateway on.
*/}}
{{- define "llamastack-tracing.tempo.gateway" -}}
{{- if and (include "llamastack-tracing.tempo.multiTenant" .) (or (not (eq .Values.tempo.kind "TempoStack")) .Values.tempo.stack.gateway) }}true{{ end }}
{{- end }}

{{/*
Labels of the objects of tempo.
*/}}
{{- define "llamastack-tracing.tempo.labels" -}}
app.kubernetes.io/name: tempo
app.kubernetes.io/instance: {{ .Release.Name | quote }}
app.kubernetes.io/version: 0.1.0
app.kubernetes.io/component: trace-storage
app.kubernetes.io/part-of: llamastack-tracing
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" | quote }}
{{- end }}

{{/*
Whether Tempo runs multi-tenant: multitenancy on, with at least one tenant.
*/}}
{{- define "llamastack-tracing.tempo.multiTenant" -}}
{{- if and .Values.tempo.multitenancy.enabled .Values.tempo.multitenancy.tenants }}true{{ end }}
{{- end }}

{{/*
The Tempo Operator's name for Tempo's objects: tempo-<name>, lower-cased, other characters as '-'.
*/}}
{{- define "llamastack-tracing.tempo.objectName" -}}
{{- printf "tempo-%s" (regexReplaceAllLiteral "[^a-z0-9]" (lower .Values.tempo.name) "-") }}
{{- end }}

{{/*
Where the collector sends traces: Tempo's OTLP/gRPC port, through the gateway when there is one (a TempoStack's distributor without).
*/}}
{{- define "llamastack-tracing.tempo.otlpGrpcEndpoint" -}}
{{- printf "%s.%s.svc.cluster.local:%d" (ternary (printf "%s-gateway" (include "llamastack-tracing.tempo.objectName" .)) (ternary (printf "%s-distributor" (include "llamastack-tracing.tempo.objectName" .)) (include "llamastack-tracing.tempo.objectName" .) (eq .Values.tempo.kind "TempoStack")) (eq (include "llamastack-tracing.tempo.gateway" .) "true")) .Values.namespaces.tempo (ternary 8090 4317 (and (eq .Values.tempo.kind "TempoStack") (eq (include "llamastack-tracing.tempo.gateway" .) "true"))) }}
{{- end }}

{{/*
Whether any tenant sets its own ingestion limits.
*/}}
{{- define "llamastack-tracing.tempo.tenantLimits" -}}
{{- $found := false }}
{{- range $item := .Values.tempo.multitenancy.tenants }}
{{- if or (int64 $item.limits.ingestionRateLimitBytes) (int64 $item.limits.ingestionBurstSizeBytes) (int64 $item.limits.maxTracesPerUser) (int64 $item.limits.maxBytesPerTrace) }}{{ $found = true }}{{ end }}
{{- end }}
{{- if $found }}true{{ end }}
{{- end }}

{{/*
The names of Tempo's tenants, comma-separated.
*/}}
{{- define "llamastack-tracing.tempo.tenantNames" -}}
{{- $values := list }}
{{- range $item := .Values.tempo.multitenancy.tenants }}{{ $values = append $values (toString (get $item "name")) }}{{ end }}
{{- join ", " $values }}
{{- end }}

{{/*
Whether any tenant sets its own retention.
*/}}
{{- define "llamastack-tracing.tempo.tenantRetention" -}}
{{- $found := false }}
{{- range $item := .Values.tempo.multitenancy.tenants }}
{{- if $item.retention }}{{ $found = true }}{{ end }}
{{- end }}
{{- if $found }}true{{ end }}
{{- end }}

{{/*
Labels of the objects of llamastack-tracing-fix.
*/}}
{{- define "llamastack-tracing.tracingPatch.labels" -}}
app.kubernetes.io/name: llamastack-tracing-fix
app.kubernetes.io/instance: {{ .Release.Name | quote }}
app.kubernetes.io/version: 0.1.0
app.kubernetes.io/component: tracing-fix
app.kubernetes.io/part-of: llamastack-tracing
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" | quote }}
{{- end }}

{{/*
Labels of the objects of distributed-tracing-ui.
*/}}
{{- define "llamastack-tracing.tracingUi.labels" -}}
app.kubernetes.io/name: distributed-tracing-ui
app.kubernetes.io/instance: {{ .Release.Name | quote }}
app.kubernetes.io/version: 0.1.0
app.kubernetes.io/component: trace-viewer
app.kubernetes.io/part-of: llamastack-tracing
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" | quote }}
{{- end }}
