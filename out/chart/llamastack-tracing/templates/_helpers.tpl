{{/*
Helpers shared by the templates. Every constant comes from _facts.tpl (generated from the generator's C# source), so
the chart renders the same objects as the generator's raw manifests; the parity tests prove it with helm template.
*/}}

{{/* A fact by key: include "llamastack-tracing.fact" "tempoKind". */}}
{{- define "llamastack-tracing.fact" -}}
{{- include (printf "llamastack-tracing.fact.%s" .) . -}}
{{- end }}

{{/* A structured (JSON) fact as YAML, for pasting under a key with nindent. */}}
{{- define "llamastack-tracing.factYaml" -}}
{{- include "llamastack-tracing.fact" . | fromJson | toYaml -}}
{{- end }}

{{/*
Selector labels of a component: dict "root" $ "component" "<fact prefix>" (tempo, collector, llamaStack, tracingPatch).
Only name and instance, so a Deployment's immutable selector survives upgrades.
*/}}
{{- define "llamastack-tracing.selectorLabels" -}}
app.kubernetes.io/name: {{ include "llamastack-tracing.fact" (printf "%sName" .component) | quote }}
app.kubernetes.io/instance: {{ .root.Release.Name | quote }}
{{- end }}

{{/* All labels of an object; the same as the raw manifests' except managed-by and the helm.sh/chart label. */}}
{{- define "llamastack-tracing.labels" -}}
{{ include "llamastack-tracing.selectorLabels" . }}
app.kubernetes.io/version: {{ include "llamastack-tracing.fact" "toolVersion" | quote }}
app.kubernetes.io/component: {{ include "llamastack-tracing.fact" (printf "%sComponent" .component) | quote }}
app.kubernetes.io/part-of: {{ include "llamastack-tracing.fact" "partOf" | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service | quote }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" | quote }}
{{- end }}

{{/* metadata of an object: dict "root" $ "component" "<fact prefix>" "name" "<name>" and, if namespaced, "namespace". */}}
{{- define "llamastack-tracing.metadata" -}}
metadata:
  name: {{ .name | quote }}
  {{- with .namespace }}
  namespace: {{ . | quote }}
  {{- end }}
  labels:
    {{- include "llamastack-tracing.labels" . | nindent 4 }}
{{- end }}

{{/* host.namespace plus the cluster domain: dict "service" "<name>" "namespace" "<ns>". */}}
{{- define "llamastack-tracing.clusterHost" -}}
{{- printf "%s.%s%s" .service .namespace (include "llamastack-tracing.fact" "clusterDomainSuffix") -}}
{{- end }}

{{/* The Tempo Operator's object name for the TempoMonolithic: tempo-<name>, lower-cased, other characters as '-'. */}}
{{- define "llamastack-tracing.tempoObjectName" -}}
{{- printf "%s%s" (include "llamastack-tracing.fact" "tempoServicePrefix") (.Values.tempo.name | lower | regexReplaceAll "[^a-z0-9]" "-") -}}
{{- end }}

{{/* "true" when the operator puts its gateway in front of Tempo: multitenancy on and at least one tenant. */}}
{{- define "llamastack-tracing.tempoGateway" -}}
{{- if and .Values.tempo.multitenancy.enabled .Values.tempo.multitenancy.tenants }}true{{ end -}}
{{- end }}

{{/* The tenant the collector writes to: collector.tenant, else the first tenant. */}}
{{- define "llamastack-tracing.collectorTenant" -}}
{{- .Values.collector.tenant | default (first .Values.tempo.multitenancy.tenants).name -}}
{{- end }}

{{/* The collector needs a ServiceAccount and RBAC for the gateway (TokenReview, tenant RBAC) and for k8sattributes. */}}
{{- define "llamastack-tracing.collectorNeedsRbac" -}}
{{- if or (include "llamastack-tracing.tempoGateway" .) .Values.collector.k8sAttributes.enabled }}true{{ end -}}
{{- end }}

{{/* The generator names the collector's ConfigMap after the collector (generator/Model/StackModel.cs). */}}
{{- define "llamastack-tracing.collectorConfigMapName" -}}
{{- printf "%s%s" .Values.collector.name (include "llamastack-tracing.fact" "collectorConfigMapSuffix") -}}
{{- end }}

{{/* Cluster-scoped, so the namespace makes it unique per installation. */}}
{{- define "llamastack-tracing.collectorClusterRoleName" -}}
{{- printf "%s-%s" .Values.collector.name .Values.namespaces.application -}}
{{- end }}

{{/*
The collector release (x.y.z) from collector.version, else the image tag: a leading "v" and any "-suffix"/"+suffix"
are ignored, as the generator reads tags such as v0.120.1 or 0.140.0-rh1 (semverCompare alone would treat the
suffix as a pre-release, which sorts before the release).
*/}}
{{- define "llamastack-tracing.collectorVersion" -}}
{{- $text := .Values.collector.version | default .Values.collector.image.tag | toString -}}
{{- $version := regexFind "^v?[0-9]{1,4}\\.[0-9]{1,4}\\.[0-9]{1,4}($|[-+])" $text | trimPrefix "v" | trimSuffix "-" | trimSuffix "+" -}}
{{- if not $version -}}
{{- fail (printf "cannot read a collector version from %q; set collector.version (x.y.z): component names depend on it" $text) -}}
{{- end -}}
{{- $version -}}
{{- end }}

{{/*
A component's type name on the collector version in use: the new name once it exists, else the old one (the renames
fact). dict "root" $ "kind" "exporter|processor|..." "type" "<new name>".
*/}}
{{- define "llamastack-tracing.componentType" -}}
{{- $version := include "llamastack-tracing.collectorVersion" .root -}}
{{- $name := .type -}}
{{- range include "llamastack-tracing.fact" "renames" | fromJsonArray -}}
{{- if and (eq .kind $.kind) (eq .new $.type) (semverCompare (printf "<%s" .since) $version) -}}
{{- $name = .old -}}
{{- end -}}
{{- end -}}
{{- $name -}}
{{- end }}

{{/*
The collector distribution: collector.distribution, else derived from the image repository the way the generator
does; empty when it cannot tell.
*/}}
{{- define "llamastack-tracing.collectorDistribution" -}}
{{- $repository := .Values.collector.image.repository | lower -}}
{{- if ne .Values.collector.distribution "auto" -}}{{ .Values.collector.distribution }}
{{- else if regexMatch "redhat|rhosdt|-rhel" $repository -}}redhat
{{- else if regexMatch "(opentelemetry-collector|otelcol)-contrib$" $repository -}}contrib
{{- else if regexMatch "(opentelemetry-collector|otelcol)-k8s$" $repository -}}k8s
{{- else if regexMatch "(opentelemetry-collector|otelcol)$" $repository -}}core
{{- end -}}
{{- end }}

{{/* The collector's OTLP endpoint for LlamaStack: the HTTP receiver when open, else gRPC. */}}
{{- define "llamastack-tracing.collectorEndpoint" -}}
{{- $receivers := .Values.collector.receivers -}}
{{- $port := ternary $receivers.http.port $receivers.grpc.port $receivers.http.enabled | int64 -}}
{{- printf "http://%s:%d" (include "llamastack-tracing.clusterHost" (dict "service" .Values.collector.name "namespace" .Values.namespaces.application)) $port -}}
{{- end }}

{{/* The LlamaStack image's site-packages directory, without trailing slashes. */}}
{{- define "llamastack-tracing.sitePackages" -}}
{{- regexReplaceAll "/+$" .Values.patch.sitePackages "" -}}
{{- end }}

{{/* The directory of the package the tracing fix patches, in the LlamaStack image. */}}
{{- define "llamastack-tracing.telemetryDirectory" -}}
{{- printf "%s/%s" (include "llamastack-tracing.sitePackages" .) (include "llamastack-tracing.fact" "telemetryPackage") -}}
{{- end }}

{{/* The ConfigMap key (and chart file under files/) holding the tracing fix of the patch strategy. */}}
{{- define "llamastack-tracing.patchFile" -}}
{{- if eq .Values.patch.strategy "sitecustomize" -}}
{{- include "llamastack-tracing.fact" "sitecustomizeFile" -}}
{{- else -}}
{{- include "llamastack-tracing.fact" "tracingModuleFile" -}}
{{- end -}}
{{- end }}

{{/* requests/limits with their non-empty quantities as YAML, or nothing (the caller then leaves resources out). */}}
{{- define "llamastack-tracing.resources" -}}
{{- $resources := dict -}}
{{- range $key := list "requests" "limits" -}}
{{- $quantities := dict -}}
{{- range $name := list "cpu" "memory" -}}
{{- with index $ $key $name }}{{ $_ := set $quantities $name (toString .) }}{{ end -}}
{{- end -}}
{{- if $quantities }}{{ $_ := set $resources $key $quantities }}{{ end -}}
{{- end -}}
{{- if $resources }}{{ toYaml $resources }}{{ end -}}
{{- end }}
