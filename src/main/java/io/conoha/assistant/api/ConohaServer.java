package io.conoha.assistant.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A ConoHa VPS server, declared. */
@JsonClassDescription("A ConoHa VPS server, declared: the operator creates, starts, stops, resizes, archives (saves as an image and deletes, so only the image is billed), restores and deletes it to match spec, and reports what ConoHa shows in status.")
@Group(ConohaServer.GROUP)
@Version(ConohaServer.VERSION)
@ShortNames("chs")
@Categories("conoha")
// kubectl shows these in this order (the CRDs are finished so: CrdFinish), Age last.
@AdditionalPrinterColumn(name = "State", jsonPath = ".spec.state", getDescription = "The state asked for")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "Flavor", jsonPath = ".spec.flavor")
@AdditionalPrinterColumn(name = "IPv4", jsonPath = ".status.addresses.ipv4[0]")
@AdditionalPrinterColumn(name = "Effective", jsonPath = ".status.effectiveState", getDescription = "The state in force now (schedule, run-until)")
@AdditionalPrinterColumn(name = "Next", jsonPath = ".status.nextTransition.time", getDescription = "When the schedule changes the state next")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class ConohaServer extends CustomResource<ConohaServerSpec, ConohaServerStatus> implements Namespaced {
  public static final String GROUP = "conoha-assistant.io";
  public static final String VERSION = "v1alpha1";

  @Override
  protected ConohaServerStatus initStatus() {
    return new ConohaServerStatus();
  }
}
