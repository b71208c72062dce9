package io.conoha.assistant.ship;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prometheus metric names the operator exposes, as documented for issue 7. The alert rules and the
 * Grafana dashboard may use only these. To be replaced by a scrape of the running operator: keep this the
 * ONE list both checks read.
 */
final class DocumentedMetrics {
  /** Metric family names; histograms and summaries are listed without _bucket, _count or _sum. */
  static final Set<String> NAMES = Set.of(
      "conoha_assistant_api_requests_total",
      "conoha_assistant_api_request_duration_seconds",
      "conoha_assistant_api_errors_total",
      "conoha_assistant_auth_requests_total",
      "conoha_assistant_resources",
      "conoha_assistant_resources_ready",
      "conoha_assistant_resources_not_ready",
      "conoha_assistant_time_to_ready_seconds",
      "conoha_assistant_archive_duration_seconds",
      "conoha_assistant_restore_duration_seconds",
      "conoha_assistant_server_existence_hours",
      "conoha_assistant_servers_building_seconds_max",
      "conoha_assistant_account_polls_total",
      // JOSDK's, renamed with the conoha_assistant_ prefix
      "conoha_assistant_reconciliations_started_total",
      "conoha_assistant_reconciliations_success_total",
      "conoha_assistant_reconciliations_failure_total",
      "conoha_assistant_reconciliations_execution_duration_seconds",
      "conoha_assistant_reconciliations_queue",
      "conoha_assistant_reconciliations_active",
      "conoha_assistant_custom_resources",
      "conoha_assistant_events_received_total",
      "conoha_assistant_leader");

  private static final Pattern NAME = Pattern.compile("conoha_assistant_[a-zA-Z0-9_]*[a-zA-Z0-9]");
  private static final Pattern SERIES_SUFFIX = Pattern.compile("_(bucket|count|sum)$");

  private DocumentedMetrics() {}

  /** Every conoha_assistant_* metric family a text (PromQL, dashboard JSON) refers to. */
  static Set<String> referencedIn(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = NAME.matcher(text);
    while (m.find()) {
      names.add(SERIES_SUFFIX.matcher(m.group()).replaceFirst(""));
    }
    return names;
  }

  /** The referenced families that are not documented. */
  static Set<String> undocumentedIn(String text) {
    Set<String> unknown = referencedIn(text);
    unknown.removeAll(NAMES);
    return unknown;
  }
}
