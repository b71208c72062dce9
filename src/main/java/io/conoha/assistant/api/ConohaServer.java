package io.conoha.assistant.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A ConoHa VPS server, declared. */
@Group(ConohaServer.GROUP)
@Version(ConohaServer.VERSION)
@ShortNames("chs")
@Categories("conoha")
@AdditionalPrinterColumn(name = "State", jsonPath = ".spec.state")
@AdditionalPrinterColumn(name = "Effective", jsonPath = ".status.effectiveState")
@AdditionalPrinterColumn(name = "Next", jsonPath = ".status.nextTransition.time")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "IPv4", jsonPath = ".status.addresses.ipv4[0]")
@AdditionalPrinterColumn(name = "Flavor", jsonPath = ".spec.flavor")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class ConohaServer extends CustomResource<ConohaServerSpec, ConohaServerStatus> implements Namespaced {
  public static final String GROUP = "conoha-assistant.io";
  public static final String VERSION = "v1alpha1";

  @Override
  protected ConohaServerStatus initStatus() {
    return new ConohaServerStatus();
  }
}
