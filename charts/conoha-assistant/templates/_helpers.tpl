{{/* Chart name, overridable. */}}
{{- define "conoha-assistant.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name: release name, plus the chart name unless the release name already contains it. */}}
{{- define "conoha-assistant.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "conoha-assistant.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "conoha-assistant.selectorLabels" -}}
app.kubernetes.io/name: {{ include "conoha-assistant.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "conoha-assistant.labels" -}}
helm.sh/chart: {{ include "conoha-assistant.chart" . }}
{{ include "conoha-assistant.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: conoha-assistant
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "conoha-assistant.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "conoha-assistant.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Image reference: digest wins over tag; the tag defaults to appVersion. */}}
{{- define "conoha-assistant.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/*
The rules of the operator's role: exactly the Kubernetes API calls it makes. Used by the ClusterRole
(all namespaces) and by the Role in each watched namespace.
*/}}
{{- define "conoha-assistant.operatorRules" -}}
- apiGroups: ["conoha-assistant.io"]
  resources: ["conohaservers", "conohaimages"]
  verbs: ["get", "list", "watch", "patch"]
# Status is written with merge patches only.
- apiGroups: ["conoha-assistant.io"]
  resources: ["conohaservers/status", "conohaimages/status"]
  verbs: ["patch"]
# No request goes there, but admission (OwnerReferencesPermissionEnforcement, on OpenShift) asks for it when
# a finalizer is added or removed.
- apiGroups: ["conoha-assistant.io"]
  resources: ["conohaservers/finalizers", "conohaimages/finalizers"]
  verbs: ["update"]
# Credentials are read by name from the Secret a resource references; never listed or watched.
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get"]
# Events are created through the core API, never updated.
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create"]
{{- end }}

{{/* The leader Lease of this release: two releases in one namespace never share one. */}}
{{- define "conoha-assistant.leaseName" -}}
{{- printf "%s-leader" (include "conoha-assistant.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The Prometheus selector of this release's operator pods (the job label is the Service name). */}}
{{- define "conoha-assistant.promSelector" -}}
job="{{ include "conoha-assistant.fullname" . }}-metrics",namespace="{{ .Release.Namespace }}"
{{- end }}
