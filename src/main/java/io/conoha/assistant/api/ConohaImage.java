package io.conoha.assistant.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A ConoHa image: a snapshot of a server, or an existing image observed. */
@JsonClassDescription("A ConoHa image: a snapshot the operator saves from a server (source), or an existing image it only observes (import).")
@Group(ConohaServer.GROUP)
@Version(ConohaServer.VERSION)
@ShortNames("chi")
@Categories("conoha")
// kubectl shows these in this order (the CRDs are finished so: CrdFinish), Age last; priority 1 only with -o wide.
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "Progress", jsonPath = ".status.progress", type = AdditionalPrinterColumn.Type.INTEGER,
    getDescription = "Percent of the save done")
@AdditionalPrinterColumn(name = "Source", jsonPath = ".spec.source.serverRef.name",
    getDescription = "The ConohaServer saved (snapshot mode)")
@AdditionalPrinterColumn(name = "Disk GB", jsonPath = ".status.minDiskGB", type = AdditionalPrinterColumn.Type.INTEGER,
    getDescription = "Smallest disk the image boots on, in GB")
@AdditionalPrinterColumn(name = "Source ID", jsonPath = ".status.sourceServerId", priority = 1,
    getDescription = "ConoHa id of the server saved")
@AdditionalPrinterColumn(name = "Size Bytes", jsonPath = ".status.sizeBytes", type = AdditionalPrinterColumn.Type.INTEGER,
    priority = 1, getDescription = "Size of the image on ConoHa, in bytes")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class ConohaImage extends CustomResource<ConohaImageSpec, ConohaImageStatus> implements Namespaced {
  @Override
  protected ConohaImageStatus initStatus() {
    return new ConohaImageStatus();
  }
}
