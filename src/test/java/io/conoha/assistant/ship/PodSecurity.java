package io.conoha.assistant.ship;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The checks of the Pod Security Standard "restricted" (kubernetes.io/docs/concepts/security/pod-security-standards),
 * plus our own: read-only root filesystem. Returns the violations, one line each; empty = compliant.
 */
final class PodSecurity {
  private static final Set<String> SAFE_SYSCTLS = Set.of(
      "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
      "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports",
      "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
      "net.ipv4.tcp_keepalive_probes");
  private static final Set<String> RESTRICTED_VOLUME_SOURCES = Set.of(
      "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret");

  private PodSecurity() {}

  static List<String> restrictedViolations(PodSpec pod) {
    List<String> v = new ArrayList<>();
    PodSecurityContext psc = pod.getSecurityContext();
    // Baseline
    if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID()) || Boolean.TRUE.equals(pod.getHostIPC())) {
      v.add("host namespaces are used");
    }
    if (psc != null && psc.getSysctls() != null) {
      psc.getSysctls().stream().filter(s -> !SAFE_SYSCTLS.contains(s.getName())).forEach(s -> v.add("unsafe sysctl " + s.getName()));
    }
    if (psc != null && psc.getSeLinuxOptions() != null && psc.getSeLinuxOptions().getUser() != null) {
      v.add("pod sets seLinuxOptions.user");
    }
    // Restricted: volume types
    for (Volume vol : pod.getVolumes()) {
      String source = volumeSource(vol);
      if (!RESTRICTED_VOLUME_SOURCES.contains(source)) {
        v.add("volume " + vol.getName() + " uses " + source);
      }
    }
    boolean podNonRoot = psc != null && Boolean.TRUE.equals(psc.getRunAsNonRoot());
    boolean podSeccomp = psc != null && psc.getSeccompProfile() != null && isAllowedSeccomp(psc.getSeccompProfile().getType());
    if (psc != null && psc.getSeccompProfile() != null && !isAllowedSeccomp(psc.getSeccompProfile().getType())) {
      v.add("pod seccompProfile is " + psc.getSeccompProfile().getType());
    }
    if (psc != null && psc.getRunAsUser() != null && psc.getRunAsUser() == 0) {
      v.add("pod runAsUser is 0");
    }
    List<Container> all = new ArrayList<>(pod.getContainers());
    all.addAll(pod.getInitContainers());
    for (Container c : all) {
      String n = "container " + c.getName() + ": ";
      SecurityContext sc = c.getSecurityContext();
      if (sc == null) {
        v.add(n + "no securityContext");
        continue;
      }
      if (Boolean.TRUE.equals(sc.getPrivileged())) {
        v.add(n + "privileged");
      }
      if (c.getPorts().stream().anyMatch(p -> p.getHostPort() != null && p.getHostPort() != 0)) {
        v.add(n + "hostPort");
      }
      if (sc.getProcMount() != null && !"Default".equals(sc.getProcMount())) {
        v.add(n + "procMount " + sc.getProcMount());
      }
      if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
        v.add(n + "allowPrivilegeEscalation is not false");
      }
      boolean nonRoot = Boolean.TRUE.equals(sc.getRunAsNonRoot()) || (sc.getRunAsNonRoot() == null && podNonRoot);
      if (!nonRoot) {
        v.add(n + "runAsNonRoot is not true");
      }
      if (sc.getRunAsUser() != null && sc.getRunAsUser() == 0) {
        v.add(n + "runAsUser is 0");
      }
      boolean seccomp = sc.getSeccompProfile() != null ? isAllowedSeccomp(sc.getSeccompProfile().getType()) : podSeccomp;
      if (!seccomp) {
        v.add(n + "seccompProfile is not RuntimeDefault or Localhost");
      }
      Capabilities caps = sc.getCapabilities();
      if (caps == null || caps.getDrop() == null || !caps.getDrop().contains("ALL")) {
        v.add(n + "capabilities do not drop ALL");
      }
      if (caps != null && caps.getAdd() != null && caps.getAdd().stream().anyMatch(a -> !"NET_BIND_SERVICE".equals(a))) {
        v.add(n + "adds capabilities " + caps.getAdd());
      }
      if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
        v.add(n + "root filesystem is writable");
      }
    }
    return v;
  }

  private static boolean isAllowedSeccomp(String type) {
    return "RuntimeDefault".equals(type) || "Localhost".equals(type);
  }

  private static String volumeSource(Volume vol) {
    if (vol.getConfigMap() != null) return "configMap";
    if (vol.getCsi() != null) return "csi";
    if (vol.getDownwardAPI() != null) return "downwardAPI";
    if (vol.getEmptyDir() != null) return "emptyDir";
    if (vol.getEphemeral() != null) return "ephemeral";
    if (vol.getPersistentVolumeClaim() != null) return "persistentVolumeClaim";
    if (vol.getProjected() != null) return "projected";
    if (vol.getSecret() != null) return "secret";
    if (vol.getHostPath() != null) return "hostPath";
    return "another volume type";
  }
}
