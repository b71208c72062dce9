package io.conoha.assistant.ship;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** RBAC rules flattened to (apiGroup, resource, verb) triples. */
final class Rbac {
  /**
   * Exactly the calls the operator makes on the resources it manages (any namespace it watches), as
   * {@link RbacMatchesCallsTest} records them, plus {@link #ADMISSION_ONLY}.
   */
  static final Set<String> OPERATOR_CALLS = triples(
      "conoha-assistant.io conohaservers get,list,watch,patch",
      "conoha-assistant.io conohaimages get,list,watch,patch",
      "conoha-assistant.io conohaservers/status patch",
      "conoha-assistant.io conohaimages/status patch",
      "conoha-assistant.io conohaservers/finalizers update",
      "conoha-assistant.io conohaimages/finalizers update",
      "core secrets get",
      "core events create");

  /**
   * Rights no request shows: changing metadata.finalizers of a resource needs update on its finalizers
   * subresource where the OwnerReferencesPermissionEnforcement admission plugin runs (OpenShift).
   */
  static final Set<String> ADMISSION_ONLY = triples(
      "conoha-assistant.io conohaservers/finalizers update", "conoha-assistant.io conohaimages/finalizers update");

  /**
   * Calls every authenticated user may make (Kubernetes' default ClusterRole system:basic-user), so the
   * chart grants nothing for them: JOSDK asks which lease rights it has before it starts electing.
   */
  static final Set<String> GRANTED_TO_EVERYONE = triples("authorization.k8s.io selfsubjectrulesreviews create");

  /** The leader-election calls, in the operator's own namespace only. */
  static final Set<String> LEADER_ELECTION_CALLS = triples("coordination.k8s.io leases get,create,patch");

  private Rbac() {}

  private static Set<String> triples(String... lines) {
    Set<String> out = new TreeSet<>();
    for (String line : lines) {
      String[] p = line.split(" ");
      for (String verb : p[2].split(",")) {
        out.add(p[0] + " " + p[1] + " " + verb);
      }
    }
    return out;
  }

  static String group(String apiGroup) {
    return apiGroup.isEmpty() ? "core" : apiGroup;
  }

  static Set<String> triples(Collection<PolicyRule> rules) {
    Set<String> out = new TreeSet<>();
    for (PolicyRule r : rules) {
      if (r.getNonResourceURLs() != null && !r.getNonResourceURLs().isEmpty()) {
        out.add("nonResourceURLs " + r.getNonResourceURLs());
      }
      for (String g : r.getApiGroups()) {
        for (String res : r.getResources()) {
          for (String v : r.getVerbs()) {
            out.add(group(g) + " " + res + " " + v);
          }
        }
      }
    }
    return out;
  }

  static Set<String> triplesOfClusterRoles(List<HasMetadata> objects) {
    Set<String> out = new TreeSet<>();
    ShipFiles.ofKind(objects, ClusterRole.class).forEach(cr -> out.addAll(triples(cr.getRules())));
    return out;
  }

  static Set<String> triplesOfRoles(List<HasMetadata> objects, String namespace) {
    Set<String> out = new TreeSet<>();
    ShipFiles.ofKind(objects, Role.class).stream()
        .filter(r -> namespace.equals(r.getMetadata().getNamespace()))
        .forEach(r -> out.addAll(triples(r.getRules())));
    return out;
  }
}
